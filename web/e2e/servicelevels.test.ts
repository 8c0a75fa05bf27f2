import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, BrowserHarness, ensureCoop, fillDate, mainText, settle } from './helpers.ts';

const harness = new BrowserHarness('servicelevels');

beforeAll(async () => harness.start());
afterAll(async () => harness.stop());

describe('service levels and vulnerabilities in the browser', () => {
  it('sets a sponsor’s calendar, discloses a vulnerability, writes the impact note and shows the clocks', async () => {
    const api = await ensureCoop(harness.server.url);
    const org = await api.request<{ id: string }>('POST', '/api/organizations', {
      legalName: 'Acme Cloud GmbH',
    });
    const tier = await api.request<{ id: string }>('POST', '/api/tiers', {
      slug: 'gold',
      name: 'Gold',
      price: '1000.00',
      currency: 'EUR',
      periodMonths: 12,
      serviceHoursPerMonth: 1,
      entitlements: {
        responseHours: { critical: 4, high: 8, normal: 24, low: null },
        expertHoursPerMonth: 4,
        reciprocalAccess: true,
        meetingsPerYear: 4,
        digest: 'monthly',
        publicAcknowledgement: true,
        vulnerabilityClock: true,
      },
    });
    await api.request('POST', '/api/agreements', {
      organizationId: org.id,
      title: 'Support',
      startsOn: '2025-01-01',
      termMonths: 12,
      lines: [{ tierId: tier.id }],
      billingContacts: [{ name: 'AP', email: 'ap@acme.example' }],
    });
    const vuln = await api.request<{ id: string }>('POST', '/api/vulnerabilities', {
      title: 'Remote code execution in the template engine',
      identifiers: ['CVE-2032-10001'],
      severity: 'critical',
      affected: [{ project: 'engine', versions: '< 2.4.1' }],
    });

    const page = await harness.pageFor(admin.email, admin.password);
    await page.goto(`${harness.server.url}/organizations/${org.id}`);
    await page.getByRole('heading', { name: 'Service calendar' }).waitFor();
    await settle(page);
    await page.getByRole('textbox', { name: /^Time zone/ }).fill('Europe/Berlin');
    await page.getByRole('textbox', { name: /^Public holidays of/ }).fill('DE');
    await page.getByRole('textbox', { name: /^Region/ }).fill('BY');
    // A closed day that is no day is refused beside the closed days, naming it.
    const closedDays = page.getByRole('textbox', { name: /^Further closed days/ });
    await closedDays.fill('2032-12-24\n24.12.2032');
    await page.getByRole('button', { name: 'Save the calendar' }).click();
    await expect.poll(() => closedDays.getAttribute('aria-invalid')).toBe('true');
    const dayError = await closedDays.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${dayError!.split(' ')[0]}"]`).textContent()).toBe(
      '⚠ 24.12.2032: not a date like 2027-03-31',
    );
    await closedDays.fill('2032-12-24');
    await page.getByRole('button', { name: 'Save the calendar' }).click();
    await page.getByText('The calendar is saved.').waitFor();
    await harness.expectAccessible(page, 'organization-calendar');

    await page.goto(`${harness.server.url}/vulnerabilities/${vuln.id}`);
    await page.getByRole('heading', { name: 'Disclose' }).waitFor();
    await settle(page);
    await harness.expectAccessible(page, 'vulnerability-embargoed');
    await fillDate(page, 'Public at', '2032-02-02T10:00');
    await page.getByRole('button', { name: 'Disclose', exact: true }).click();
    await page.getByRole('heading', { name: 'Impact notes' }).waitFor();
    await page
      .getByRole('textbox', { name: 'Write the impact note for Acme Cloud GmbH' })
      .fill('You run 2.3: upgrade to 2.4.1 today.');
    await page.getByRole('button', { name: 'Record the note' }).click();
    await page.getByRole('cell', { name: 'You run 2.3: upgrade to 2.4.1 today.' }).waitFor();
    await harness.expectAccessible(page, 'vulnerability-disclosed');

    await page.goto(`${harness.server.url}/clocks`);
    await page.getByRole('heading', { level: 1, name: 'Clocks' }).waitFor();
    await page.getByLabel('Show stopped clocks too').check();
    await page.getByRole('link', { name: 'Impact note' }).waitFor();
    await settle(page);
    expect(await mainText(page)).toContain('Acme Cloud GmbH');
    await harness.expectAccessible(page, 'clocks');
    await page.getByRole('link', { name: 'Impact note' }).click();
    await page.getByRole('heading', { name: 'Evidence' }).waitFor();
    await settle(page);
    expect(await mainText(page)).toContain('Met');
    await harness.expectAccessible(page, 'clock-evidence');

    await page.goto(`${harness.server.url}/organizations/${org.id}/service-report`);
    await page.getByRole('heading', { level: 1, name: 'Service-level report' }).waitFor();
    await fillDate(page, 'From', '2032-02-01');
    await fillDate(page, 'To', '2032-02-28');
    await page.getByText('1 met, 0 breached, 0 still running').waitFor();
    await settle(page);
    await harness.expectAccessible(page, 'compliance-report');
    expect(harness.pageErrors).toEqual([]);
  });
});
