import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  admin,
  ApiClient,
  BrowserHarness,
  laptop,
  mainText,
  settle,
  visit,
} from './helpers.ts';

const harness = new BrowserHarness('german-members');
let context: BrowserContext;

beforeAll(async () => {
  await harness.start();
});

afterAll(async () => {
  await context?.close();
  await harness.stop();
});

/** The h1 once the screen has loaded. */
async function heading(page: Page): Promise<string> {
  await settle(page);
  return (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
}

describe('the co-op in German', () => {
  it('sets up in the browser’s German, keeps it for the administrator, and shows the members’ screens in German', async () => {
    const base = harness.server.url;
    // A browser set to German: the wizard speaks it before anyone has chosen.
    context = await harness.browser.newContext({ viewport: laptop, locale: 'de-DE' });
    const page = await context.newPage();
    page.on('pageerror', (error) => harness.pageErrors.push(error.message));
    await visit(page, base);
    expect(await heading(page)).toBe('Richte deine Genossenschaft ein');
    expect(await page.getByLabel('Sprache').inputValue()).toBe('de');
    await harness.expectAccessible(page, 'Einrichtung');

    await page.getByLabel('Name der Genossenschaft').fill(admin.coopName);
    await page.getByLabel('Dein Name').fill(admin.name);
    await page.getByLabel('E-Mail').fill(admin.email);
    await page.getByLabel('Passwort', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Genossenschaft anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: admin.coopName }).waitFor();

    // The administrator reads the co-op in the wizard's language, from now on.
    const api = new ApiClient(base);
    await api.signIn(admin.email, admin.password);
    const session = await api.request<{ user: { locale: string } }>('GET', '/api/session');
    expect(session.user.locale).toBe('de');

    const dashboard = await mainText(page);
    expect(dashboard).toContain(`Willkommen, ${admin.name}.`);
    expect(dashboard).toContain('Was auf dich wartet');
    expect(dashboard).toContain('Mitglieder nach Gruppe und Status');
    await harness.expectAccessible(page, 'Übersicht');

    const org = await api.request<{ id: string }>('POST', '/api/organizations', {
      legalName: 'Nordwind Cloud GmbH',
      displayName: 'Nordwind Cloud',
      kind: 'company',
      memberClass: 'sponsor',
    });
    await addMember(api, {
      email: 'jorg@example.org',
      displayName: 'Jörg Müller',
      memberClass: 'sponsor',
      organizationId: org.id,
      password: 'a long password here',
    });

    await visit(page, `${base}/members`);
    expect(await heading(page)).toBe('Mitglieder');
    expect(await mainText(page)).toContain('1–2 von 2 Mitgliedern.');
    await harness.expectAccessible(page, 'Mitglieder');

    await visit(page, `${base}/organizations/${org.id}`);
    expect(await heading(page)).toBe('Nordwind Cloud');
    const detail = await mainText(page);
    expect(detail).toContain('Rechnungsdaten');
    expect(detail).toContain('Unternehmen');
    await harness.expectAccessible(page, 'Organisation');

    await visit(page, `${base}/invitations`);
    expect(await heading(page)).toBe('Einladungen');
    const invitations = await mainText(page);
    expect(invitations).toContain('Versandte Einladungen');
    expect(invitations).toContain('Angenommen');
    await harness.expectAccessible(page, 'Einladungen');

    // A member import's bad lines, listed in German by the codes the server names them with.
    await page
      .getByLabel('CSV-Zeilen')
      .fill(
        'email,name,class,organization\nkein-mail,Kai,community,\nlea@example.org,Lea,mitglied,\nmo@example.org,Mo,sponsor,\n',
      );
    await page.getByRole('button', { name: 'Importieren' }).click();
    await page.locator('.line-errors').waitFor();
    expect(
      await page
        .locator('.line-errors li')
        .evaluateAll((items) => items.map((li) => li.textContent)),
    ).toEqual([
      'Zeile 2, email: keine gültige E-Mail-Adresse',
      'Zeile 3, class: einer von hacker, sponsor, community',
      'Zeile 4, organization: Ein Sponsor braucht eine Organisation.',
    ]);
    await harness.expectAccessible(page, 'Mitgliederimport');

    await visit(page, `${base}/events`);
    expect(await heading(page)).toBe('Ereignisprotokoll');
    expect(await mainText(page)).toContain('Ereignisverbraucher');
    await harness.expectAccessible(page, 'Ereignisprotokoll');

    await visit(page, `${base}/webhooks`);
    expect(await heading(page)).toBe('Webhooks');
    expect(await mainText(page)).toContain('Endpunkt registrieren');
    await harness.expectAccessible(page, 'Webhooks');

    // The profile shows the language and changes it: the page answers in English at once.
    await visit(page, `${base}/members/me`);
    expect(await mainText(page)).toContain('Deine Einstellungen');
    const language = page.getByLabel('Sprache', { exact: true }).last();
    expect(await language.inputValue()).toBe('de');
    await harness.expectAccessible(page, 'Profil');
    await language.selectOption('en');
    await page.getByRole('heading', { level: 2, name: 'Your settings' }).waitFor();
    const after = await api.request<{ user: { locale: string } }>('GET', '/api/session');
    expect(after.user.locale).toBe('en');
    expect(harness.pageErrors).toEqual([]);
  });
});
