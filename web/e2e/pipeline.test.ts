import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, BrowserHarness, ensureCoop, fillDate, mainText, settle } from './helpers.ts';

const harness = new BrowserHarness('pipeline');

beforeAll(async () => {
  await harness.start();
});

afterAll(async () => {
  await harness.stop();
});

describe('the pipeline in the browser', () => {
  it('opens, moves and loses an opportunity, and forecasts with its arithmetic', async () => {
    const api = await ensureCoop(harness.server.url);
    await api.request('POST', '/api/organizations', { legalName: 'Initech AG' });
    await api.request('POST', '/api/organizations', { legalName: 'Hooli Inc' });

    const page = await harness.pageFor(admin.email, admin.password);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Pipeline', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Pipeline' }).waitFor();
    await page.getByRole('link', { name: 'New opportunity' }).click();
    await page.getByRole('heading', { level: 1, name: 'New opportunity' }).waitFor();
    await settle(page);

    const open = async (org: string, title: string, amount: string) => {
      await page
        .getByRole('combobox', { name: 'Organization' })
        .selectOption({ label: `${org} (prospect)` });
      await page.getByRole('textbox', { name: 'Title' }).fill(title);
      await page.getByRole('textbox', { name: 'Amount a year' }).fill(amount);
      await fillDate(page, 'Expected close', '2031-03-15');
      await page.getByRole('textbox', { name: 'Next step', exact: true }).fill('Call the CTO');
      await fillDate(page, 'Next step by', '2031-01-20');
      await page.getByRole('textbox', { name: 'Champion’s name' }).fill('Cora Champion');
      await page.getByRole('textbox', { name: 'Champion’s e-mail' }).fill('cora@example.com');
      await page.getByRole('textbox', { name: /engineer-months/ }).fill('6.5');
    };
    // A refused amount names its field, then the corrected one goes through.
    await open('Initech AG', 'Initech gold', '30000.001');
    await page.getByRole('button', { name: 'Open the opportunity' }).click();
    await page.locator('.field-error').first().waitFor();
    await harness.expectAccessible(page, 'new opportunity with an error');
    await page.getByRole('textbox', { name: 'Amount a year' }).fill('30000.00');
    await page.getByRole('button', { name: 'Open the opportunity' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pipeline' }).waitFor();
    await settle(page);

    await page.getByRole('link', { name: 'New opportunity' }).click();
    await page.getByRole('heading', { level: 1, name: 'New opportunity' }).waitFor();
    await settle(page);
    await open('Hooli Inc', 'Hooli silver', '12000');
    await page.getByRole('button', { name: 'Open the opportunity' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pipeline' }).waitFor();
    await settle(page);
    const lead = page.getByRole('region', { name: /^Lead/ });
    await lead.getByRole('heading', { level: 3, name: 'Initech AG: Initech gold' }).waitFor();

    // Move by a select, not by dragging.
    await page
      .getByRole('combobox', { name: 'Move Initech gold to' })
      .selectOption({ label: 'Proposal' });
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Initech gold' })
      .getByRole('button', { name: 'Move' })
      .click();
    const proposal = page.getByRole('region', { name: /^Proposal/ });
    await proposal.getByRole('heading', { level: 3, name: 'Initech AG: Initech gold' }).waitFor();
    expect(await proposal.innerText()).toContain('50%');

    // Lost needs a reason: the route's schema says so beside the reason, before sending.
    const hooli = page.getByRole('listitem').filter({ hasText: 'Hooli silver' });
    await page
      .getByRole('combobox', { name: 'Move Hooli silver to' })
      .selectOption({ label: 'Lost' });
    await hooli.getByRole('button', { name: 'Move' }).click();
    await hooli.locator('.field-error').waitFor();
    expect(await hooli.locator('.field-error').textContent()).toBe(
      '⚠ say why the opportunity was lost',
    );
    await hooli.getByRole('textbox', { name: 'Why was it lost?' }).fill('Maintains it in-house');
    await hooli.getByRole('button', { name: 'Move' }).click();
    const lost = page.getByRole('region', { name: /^Lost/ });
    await lost.getByText('Maintains it in-house').waitFor();
    await harness.expectAccessible(page, 'board');

    await page.getByRole('link', { name: 'Forecast' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forecast' }).waitFor();
    await settle(page);
    const text = await mainText(page);
    expect(text).toContain('€30,000.00 × 50%');
    expect(text).toContain('€15,000.00');
    expect(text).toContain('How many more clients before the co-op must hire');
    await harness.expectAccessible(page, 'forecast');
    expect(harness.pageErrors).toEqual([]);
  });
});
