import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, BrowserHarness, ensureCoop, mainText, settle, visit } from './helpers.ts';

const harness = new BrowserHarness('labour');
const password = 'a long enough password';

beforeAll(() => harness.start());
afterAll(() => harness.stop());

describe("sponsors' labour in the browser", () => {
  it('an engineer logs hours, a hacker confirms them, the sponsor sees them counted', async () => {
    const { url } = harness.server;
    const api = await ensureCoop(url);
    const acme = await api.request<{ id: string }>('POST', '/api/organizations', {
      legalName: 'Acme GmbH',
    });
    const erin = { email: 'erin@acme.example', displayName: 'Erin Engineer', password };
    await addMember(api, { ...erin, memberClass: 'sponsor', organizationId: acme.id });
    const hana = { email: 'hana@example.org', displayName: 'Hana Hacker', password };
    await addMember(api, { ...hana, memberClass: 'hacker' });
    await api.request('POST', '/api/work-items', {
      title: 'ARM support',
      kind: 'feature',
      originClass: 'sponsors',
      estimateHours: 80,
    });

    const erinPage = await harness.pageFor(erin.email, password);
    await erinPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Labour' })
      .click();
    await erinPage.getByRole('heading', { level: 1, name: 'Sponsors’ labour' }).waitFor();
    await settle(erinPage);
    await harness.expectAccessible(erinPage, 'labour-empty');
    // No hours is refused beside its field; whole hours are taken.
    await erinPage.getByLabel('Work item').selectOption({ label: 'ARM support' });
    await erinPage.getByRole('spinbutton', { name: /^Hours/ }).fill('0');
    await erinPage.getByRole('button', { name: 'Log the hours' }).click();
    await erinPage.locator('.field-error').first().waitFor();
    await erinPage.getByRole('spinbutton', { name: /^Hours/ }).fill('6');
    await erinPage.getByRole('button', { name: 'Log the hours' }).click();
    await expect.poll(() => mainText(erinPage)).toContain('6 h on “ARM support” logged');
    await expect.poll(() => mainText(erinPage)).toContain('Waiting');
    await harness.expectAccessible(erinPage, 'labour-logged');

    // The hacker finds it on the home page's list and confirms it.
    const hanaPage = await harness.pageFor(hana.email, password);
    await expect.poll(() => mainText(hanaPage)).toContain('Confirm the hours sponsors gave');
    await visit(hanaPage, `${url}/labour`);
    await hanaPage.getByRole('heading', { level: 2, name: 'Waiting for confirmation' }).waitFor();
    await settle(hanaPage);
    await harness.expectAccessible(hanaPage, 'labour-to-confirm');
    await hanaPage.getByRole('button', { name: /^Confirm the hours of Erin Engineer/ }).click();
    await expect
      .poll(() => mainText(hanaPage))
      .toContain('6 h of Acme GmbH confirmed: they count as funding now.');
    await expect.poll(() => mainText(hanaPage)).toContain('No hours wait for confirmation.');

    await visit(erinPage, `${url}/labour`);
    await settle(erinPage);
    await expect.poll(() => erinPage.getByRole('table').textContent()).toContain('Confirmed');
    await harness.expectAccessible(erinPage, 'labour-confirmed');
    const funding = await api.request<{ funding: { source: string; labourHours: number }[] }>(
      'GET',
      `/api/funding?organizationId=${acme.id}`,
    );
    expect(funding.funding).toEqual([
      expect.objectContaining({ source: 'labour', labourHours: 6 }),
    ]);
    // The portal: the sponsor's standing in the vote now counts the confirmed hours.
    await erinPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Our organization' })
      .click();
    await erinPage.getByRole('heading', { level: 2, name: 'Funding and vote' }).waitFor();
    await settle(erinPage);
    await expect.poll(() => mainText(erinPage)).toContain('Acme GmbH');
    const portal = await mainText(erinPage);
    expect(portal).toMatch(/Labour confirmed\s*6 h at/);
    expect(portal).toContain('100.0%');
    await harness.expectAccessible(erinPage, 'portal');
    expect(harness.pageErrors).toEqual([]);
  });
});
