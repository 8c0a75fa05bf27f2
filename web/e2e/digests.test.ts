import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  admin,
  BrowserHarness,
  confirmAction,
  ensureCoop,
  mainText,
  settle,
} from './helpers.ts';

const harness = new BrowserHarness('digests');

beforeAll(() => harness.start());
afterAll(() => harness.stop());

/** Screenshots at 390 px too (a common phone), beside the harness's laptop and 375 px ones. */
async function shootAt390(page: Page, where: string, frameToo = false) {
  const dir = process.env.E2E_SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(dir, `digests-${where}-390.png`), fullPage: true });
  // A frame outside the viewport is not painted in a full-page shot: the preview on its own.
  const frame = page.locator('iframe');
  if (frameToo) await frame.screenshot({ path: path.join(dir, `digests-${where}-frame-390.png`) });
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('sponsor digests in the browser', () => {
  it('an officer prepares, previews, annotates and sends a digest; the sponsor finds it in the portal', async () => {
    const api = await ensureCoop(harness.server.url);
    const acme = await api.request<{ id: string }>('POST', '/api/organizations', {
      legalName: 'ACME Ltd',
    });
    const tier = await api.request<{ id: string }>('POST', '/api/tiers', {
      slug: 'gold',
      name: 'Gold',
      price: '12000.00',
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
      serviceHoursPerMonth: 4,
    });
    await api.request('POST', '/api/agreements', {
      organizationId: acme.id,
      title: 'Support',
      startsOn: '2024-01-01',
      termMonths: 60,
      lines: [{ tierId: tier.id }],
      billingContacts: [{ name: 'AP', email: 'ap@acme.example' }],
    });
    const rita = { email: 'rita@acme.example', password: 'rita password 1' };
    await addMember(api, {
      ...rita,
      displayName: 'Rita Rep',
      memberClass: 'sponsor',
      organizationId: acme.id,
    });

    // The officer prepares the last month's digest on demand and previews it.
    const officer = await harness.pageFor(admin.email, admin.password);
    await officer
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sponsor digests' })
      .click();
    await officer.getByRole('heading', { level: 1, name: 'Sponsor digests' }).waitFor();
    await settle(officer);
    await officer.getByText('No digest yet.').waitFor();
    await harness.expectAccessible(officer, 'list-empty');
    await officer.getByRole('combobox', { name: 'Sponsor' }).selectOption({ label: 'ACME Ltd' });
    await officer.getByRole('button', { name: 'Prepare the digest' }).click();
    await officer.getByRole('heading', { level: 1, name: 'Digest for ACME Ltd' }).waitFor();
    await settle(officer);
    expect(await mainText(officer)).toContain('Prepared, not sent');
    const frame = officer.frameLocator('iframe[title="The digest as the sponsor reads it"]');
    await frame.getByRole('heading', { level: 2, name: 'What was done' }).waitFor();
    await frame.getByText('Agreement A-0001 (Gold): €12,000.00 every 12 months.').waitFor();

    // In German, then back.
    await officer.getByRole('combobox', { name: 'Language of the preview' }).selectOption('de');
    await frame.getByRole('heading', { level: 2, name: 'Was getan wurde' }).waitFor();
    await officer.getByRole('combobox', { name: 'Language of the preview' }).selectOption('en');
    await frame.getByRole('heading', { level: 2, name: 'What was done' }).waitFor();

    // A note, shown in the preview above the figures.
    await officer
      .getByRole('textbox', { name: /^A note from the officers/ })
      .fill('Thank you for a calm month.');
    await officer.getByRole('button', { name: 'Save the note' }).click();
    await officer.getByText('Saved.').waitFor();
    await frame.getByText('Thank you for a calm month.').waitFor();
    await settle(officer);
    await harness.expectAccessible(officer, 'preview');
    await shootAt390(officer, 'preview');

    await settle(officer);
    const said = await confirmAction(officer, 'Send the digest', 'Send it');
    expect(said).toContain('A sent digest cannot be changed, and goes once.');
    await officer.getByText(/^Sent, /).waitFor();
    await settle(officer);
    expect(await mainText(officer)).not.toContain('Save the note');
    await harness.expectAccessible(officer, 'sent');
    await shootAt390(officer, 'sent', true);
    // After a shot of the frame the page takes no more clicks (Chromium's screenshot of a
    // sandboxed frame), so the list is reached by its address.
    await officer.goto(`${harness.server.url}/digests`);
    await officer.getByRole('heading', { level: 1, name: 'Sponsor digests' }).waitFor();
    await settle(officer);
    await officer.getByRole('link', { name: /^Preview ACME Ltd, / }).waitFor();
    expect(await mainText(officer)).toContain('Sent');
    await harness.expectAccessible(officer, 'list');
    await shootAt390(officer, 'list');

    // The sponsor's portal lists it with its PDF.
    const sponsor = await harness.pageFor(rita.email, rita.password);
    await sponsor
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Our organization' })
      .click();
    await sponsor.getByRole('heading', { level: 2, name: 'Digests' }).waitFor();
    await settle(sponsor);
    const link = sponsor.getByRole('link', { name: /^PDF, / });
    await link.waitFor();
    const href = await link.getAttribute('href');
    const pdf = await sponsor.request.get(`${harness.server.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await harness.expectAccessible(sponsor, 'portal');
    await shootAt390(sponsor, 'portal');
    expect(harness.pageErrors).toEqual([]);
  });
});
