import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  admin,
  BrowserHarness,
  ensureCoop,
  fillDate,
  mainText,
  visit,
  type RunningServer,
} from './helpers.ts';

const harness = new BrowserHarness('german-agreements');
let server: RunningServer;

beforeAll(async () => {
  await harness.start();
  server = harness.server;
});

afterAll(() => harness.stop());

describe('tiers, quotes, agreements and documents in German', () => {
  it('shows the tiers, a quote, an agreement, the capacity plan and the documents in German, with German numbers and no axe violations', async () => {
    const api = await ensureCoop(server.url);
    const { personId } = await api.signIn(admin.email, admin.password);
    await api.request('PATCH', `/api/members/${personId}`, { locale: 'de' });
    const organization = await api.request<{ id: string }>('POST', '/api/organizations', {
      legalName: 'Nordwind Cloud GmbH',
      billingEmail: 'einkauf@nordwind.example',
      locale: 'de',
    });
    const tier = await api.request<{ id: string }>('POST', '/api/tiers', {
      slug: 'gold',
      name: 'Gold',
      price: '30000.00',
      currency: 'EUR',
      periodMonths: 12,
      entitlements: {
        responseHours: { critical: 6, high: 24, normal: 72, low: null },
        expertHoursPerMonth: 4,
        reciprocalAccess: true,
        meetingsPerYear: 4,
        digest: 'monthly',
        publicAcknowledgement: true,
      },
      serviceHoursPerMonth: 6,
    });
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const quote = await api.request<{ id: string }>('POST', '/api/quotes', {
      organizationId: organization.id,
      title: 'Wartung',
      validUntil: day(30),
      startsOn: day(31),
      termMonths: 12,
      lines: [{ tierId: tier.id }],
    });
    const agreement = await api.request<{ id: string }>('POST', '/api/agreements', {
      organizationId: organization.id,
      title: 'Wartung',
      startsOn: day(0),
      termMonths: 12,
      lines: [{ tierId: tier.id }],
      billingContacts: [{ name: 'Erika Muster', email: 'erika@nordwind.example' }],
    });

    const page = await harness.pageFor(admin.email, admin.password);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');

    await visit(page, `${server.url}/tiers`);
    await page.getByRole('heading', { level: 1, name: 'Sponsoringstufen' }).waitFor();
    const tiers = await mainText(page);
    expect(tiers).toContain('Erste Antwort: kritisch binnen 6 Std.');
    expect(tiers).toMatch(/30\.000,00\s€/);
    await harness.expectAccessible(page, 'tiers');

    await visit(page, `${server.url}/quotes/${quote.id}`);
    await page.getByRole('heading', { level: 1, name: /^Angebot Q-\d+$/ }).waitFor();
    const quoteText = await mainText(page);
    expect(quoteText).toContain('Gesamte erste Laufzeit');
    expect(quoteText).toContain('PDF erzeugen und Link per E-Mail senden');
    await harness.expectAccessible(page, 'quote');

    await visit(page, `${server.url}/agreements/${agreement.id}`);
    await page.getByRole('heading', { level: 1, name: /^Vertrag A-\d+$/ }).waitFor();
    const agreementText = await mainText(page);
    expect(agreementText).toContain('Bestellungen');
    expect(agreementText).toContain('Abrechnung und Verlängerung');
    expect(agreementText).toMatch(/30\.000,00\s€/);
    await harness.expectAccessible(page, 'agreement');

    await visit(page, `${server.url}/quotes/new`);
    await page.getByRole('heading', { level: 1, name: 'Neues Angebot' }).waitFor();
    expect(await mainText(page)).toContain('Position hinzufügen');
    // The browser speaks English; the dates are written as the member reads them: day first,
    // with points, whatever a native date input would have shown.
    await fillDate(page, 'Gültig bis', '2031-03-09');
    const validUntil = page.getByRole('group', { name: 'Gültig bis', exact: true });
    expect((await validUntil.textContent())?.trim()).toBe('09.03.2031');
    expect(
      await validUntil
        .locator('[role="spinbutton"]')
        .evaluateAll((segments) => segments.map((s) => s.getAttribute('data-type'))),
    ).toEqual(['day', 'month', 'year']);
    await harness.expectAccessible(page, 'new-quote');

    await visit(page, `${server.url}/capacity`);
    await page.getByRole('heading', { level: 1, name: 'Kapazität' }).waitFor();
    const capacity = await mainText(page);
    expect(capacity).toContain('Sponsoren je Stufe, um das Ziel zu erreichen');
    // The plan's warnings come as facts and are worded here, in German.
    expect(capacity).toMatch(/A-\d+ \(Nordwind Cloud GmbH\) wird von keinem Hacker betreut\./);
    await harness.expectAccessible(page, 'capacity');

    await visit(page, `${server.url}/documents`);
    await page.getByRole('heading', { level: 1, name: 'Dokumente' }).waitFor();
    expect(await mainText(page)).toContain('Was unterzeichnet wurde');
    await harness.expectAccessible(page, 'documents');

    expect(harness.pageErrors).toEqual([]);
  });
});
