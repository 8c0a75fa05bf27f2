import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, BrowserHarness, ensureCoop, fillDate, settle } from './helpers.ts';

const harness = new BrowserHarness('service-credits');

beforeAll(async () => harness.start());
afterAll(async () => harness.stop());

describe('service-level targets, service credits and the report PDF in the browser', () => {
  it('writes a tier’s targets and credits in the form and downloads the compliance report', async () => {
    const api = await ensureCoop(harness.server.url);
    const org = await api.request<{ id: string }>('POST', '/api/organizations', {
      legalName: 'Acme Cloud GmbH',
    });

    const page = await harness.pageFor(admin.email, admin.password);
    await page.goto(`${harness.server.url}/tiers/new`);
    await page.getByRole('heading', { level: 1, name: 'New tier' }).waitFor();
    await settle(page);
    await page.getByRole('textbox', { name: /^Short name/ }).fill('gold');
    await page.getByRole('textbox', { name: /^Name/ }).fill('Gold');
    await page.getByRole('textbox', { name: /^Price per period/ }).fill('12000.00');
    await page.getByRole('spinbutton', { name: 'Critical' }).fill('4');
    await page.getByRole('checkbox', { name: /^State targets per severity/ }).check();
    const critical = page.getByRole('group', { name: 'Critical' });
    await critical.getByRole('textbox', { name: /^Update interval/ }).fill('8');
    await critical.getByRole('textbox', { name: /^Resolution/ }).fill('16');
    await critical.getByRole('combobox', { name: 'Counted in' }).last().selectOption('business');
    await critical.getByRole('checkbox', { name: /^The resolution clock pauses/ }).check();
    await page.getByRole('checkbox', { name: /^A breached clock proposes/ }).check();
    await page.getByRole('textbox', { name: /^Per breach/ }).fill('2.5');
    await page.getByRole('textbox', { name: /^At most/ }).fill('15');
    await page.getByRole('spinbutton', { name: /^Hacker hours/ }).fill('2');
    await harness.expectAccessible(page, 'tier-form-targets-credits');
    await page.getByRole('button', { name: 'Add the tier' }).click();
    await page.getByRole('heading', { level: 2, name: 'Gold' }).waitFor();

    const tiers = await api.request<{
      tiers: { slug: string; current: { entitlements: Record<string, unknown> } }[];
    }>('GET', '/api/tiers');
    const gold = tiers.tiers.find((t) => t.slug === 'gold')!;
    expect(gold.current.entitlements.serviceCredits).toEqual({
      perBreachBasisPoints: 250,
      capBasisPoints: 1500,
    });
    expect(gold.current.entitlements.serviceLevels).toMatchObject({
      critical: {
        firstResponse: { hours: 4, mode: 'wall' },
        update: { hours: 8, mode: 'wall' },
        resolution: { hours: 16, mode: 'business' },
        resolutionPausesOnSponsor: true,
      },
      low: { firstResponse: null, update: null, resolution: null },
    });

    await page.goto(`${harness.server.url}/organizations/${org.id}/service-report`);
    await page.getByRole('heading', { level: 1, name: 'Service-level report' }).waitFor();
    await fillDate(page, 'From', '2032-02-01');
    await fillDate(page, 'To', '2032-02-28');
    await page.getByText('0 met, 0 breached, 0 still running').waitFor();
    await settle(page);
    await harness.expectAccessible(page, 'compliance-report-pdf-link');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the report as a PDF' }).click();
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(file!).subarray(0, 5).toString()).toBe('%PDF-');
    expect(harness.pageErrors).toEqual([]);
  });
});
