import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  admin,
  BrowserHarness,
  ensureCoop,
  mainText,
  settle,
  visit,
} from './helpers.ts';

const harness = new BrowserHarness('agreements');

beforeAll(async () => {
  await harness.start();
});

afterAll(async () => {
  await harness.stop();
});

describe('tiers, quotes and agreements in the browser', () => {
  it('defines a tier, quotes it, the buyer accepts by link, and each sponsor sees only its own', async () => {
    const server = harness.server;
    const api = await ensureCoop(server.url);
    const acme = await api.request<{ id: string }>('POST', '/api/organizations', {
      legalName: 'Acme Cloud GmbH',
      billingEmail: 'ap@acme.example',
      country: 'DE',
    });
    const globex = await api.request<{ id: string }>('POST', '/api/organizations', {
      legalName: 'Globex Oy',
    });
    await addMember(api, {
      email: 'rita@acme.example',
      displayName: 'Rita Rep',
      memberClass: 'sponsor',
      organizationId: acme.id,
      password: 'member password 1',
    });
    await addMember(api, {
      email: 'gus@globex.example',
      displayName: 'Gus Globex',
      memberClass: 'sponsor',
      organizationId: globex.id,
      password: 'member password 1',
    });

    // An officer defines a tier in the form; it shows on the public page.
    const page = await harness.pageFor(admin.email, admin.password);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Tiers', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sponsorship tiers' }).waitFor();
    await settle(page);
    await page.getByRole('link', { name: 'New tier' }).click();
    await page.getByRole('heading', { level: 1, name: 'New tier' }).waitFor();
    await harness.expectAccessible(page, 'new tier');
    await page.getByRole('textbox', { name: /^Short name/ }).fill('gold');
    await page.getByRole('textbox', { name: /^Name/ }).fill('Gold');
    await page.getByRole('textbox', { name: /^Price per period/ }).fill('30000.00');
    await page.getByRole('spinbutton', { name: 'Critical' }).fill('6');
    await page.getByRole('spinbutton', { name: /^Expert advice/ }).fill('4');
    await page.getByRole('checkbox', { name: 'Reciprocal access' }).check();
    await page.getByRole('spinbutton', { name: /^Hacker hours/ }).fill('6');
    await page.getByRole('button', { name: 'Add the tier' }).click();
    await page.getByRole('heading', { level: 2, name: 'Gold' }).waitFor();
    expect(await mainText(page)).toContain('within 6 h');
    await harness.expectAccessible(page, 'tiers');

    const visitor = await harness.pageFor('', '');
    await visit(visitor, `${server.url}/tiers`);
    await visitor.getByRole('heading', { level: 2, name: 'Gold' }).waitFor();
    await harness.expectAccessible(visitor, 'public tiers');

    // A quote from the form, sent: the buyer's link is shown to the officer.
    await nav.getByRole('link', { name: 'Quotes', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Quotes' }).waitFor();
    await page.getByRole('link', { name: 'New quote' }).click();
    await page.getByRole('heading', { level: 1, name: 'New quote' }).waitFor();
    await settle(page);
    await page.getByRole('combobox', { name: 'For' }).selectOption({ label: 'Acme Cloud GmbH' });
    await page.getByRole('textbox', { name: 'Title' }).fill('Retainer');
    await page.getByRole('combobox', { name: 'Tier' }).selectOption({ index: 1 });
    await harness.expectAccessible(page, 'new quote');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quote Q-0001' }).waitFor();
    await settle(page);
    expect(await mainText(page)).toContain('30,000.00');
    await page.getByRole('button', { name: 'Render the PDF and mail the link' }).click();
    const link = page.getByRole('status').getByRole('link');
    await link.waitFor();
    const acceptUrl = (await link.getAttribute('href'))!;
    expect(acceptUrl).toContain('/quote/');
    await harness.expectAccessible(page, 'quote');

    // The buyer, with no account, accepts through the link.
    await visit(visitor, `${server.url}${new URL(acceptUrl).pathname}`);
    await visitor.getByRole('heading', { level: 1, name: 'Quote Q-0001' }).waitFor();
    await harness.expectAccessible(visitor, 'quote for the buyer');
    await visitor.getByRole('button', { name: 'Accept the quote' }).click();
    await visitor.getByText('tick to confirm').waitFor();
    await visitor.getByRole('textbox', { name: 'Your name' }).fill('Petra Procurement');
    await visitor.getByRole('textbox', { name: 'Your e-mail' }).fill('petra@acme.example');
    await visitor.getByRole('checkbox', { name: /I have read the quote/ }).check();
    await visitor.getByRole('button', { name: 'Accept the quote' }).click();
    await visitor.getByText(/agreement A-0001 is in place/).waitFor();

    // The officer records the buyer's purchase order on the agreement.
    await nav.getByRole('link', { name: 'Agreements', exact: true }).click();
    await page.getByRole('link', { name: 'A-0001' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agreement A-0001' }).waitFor();
    await settle(page);
    await page.getByRole('textbox', { name: 'PO number' }).fill('PO-7781');
    await page.getByRole('textbox', { name: /^Amount/ }).fill('30000.00');
    await page.getByRole('button', { name: 'Record the purchase order' }).click();
    await page.getByRole('cell', { name: 'PO-7781' }).waitFor();
    await harness.expectAccessible(page, 'agreement');
    await page.getByRole('checkbox', { name: admin.name }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();

    await nav.getByRole('link', { name: 'Capacity', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Capacity' }).waitFor();
    await settle(page);
    const load = page.getByRole('row').filter({ hasText: admin.name });
    expect(await load.textContent()).toContain('6 of 40');
    expect(await mainText(page)).not.toContain('has no hacker serving it');
    await harness.expectAccessible(page, 'capacity');

    await nav.getByRole('link', { name: 'Documents', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
    await settle(page);
    expect(await mainText(page)).toContain('Petra Procurement');
    await harness.expectAccessible(page, 'documents');

    // An agreement signed without a quote, from the form: errors beside the fields, then saved.
    await nav.getByRole('link', { name: 'Agreements', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Agreements' }).waitFor();
    await page.getByRole('link', { name: 'New agreement' }).click();
    await page.getByRole('heading', { level: 1, name: 'New agreement' }).waitFor();
    await settle(page);
    await page.getByRole('button', { name: 'Record the agreement' }).click();
    await page.locator('.field-error').first().waitFor();
    await harness.expectAccessible(page, 'new agreement with errors');
    await page
      .getByRole('combobox', { name: 'Sponsor' })
      .selectOption({ label: 'Acme Cloud GmbH' });
    await page.getByRole('textbox', { name: 'Title' }).fill('Support signed on paper');
    await page.getByRole('combobox', { name: 'Billing period' }).selectOption('3');
    await page.getByRole('textbox', { name: 'Description' }).fill('On-call support');
    await page.getByRole('textbox', { name: 'Unit price' }).fill('1200.00');
    await page.getByRole('checkbox', { name: 'Invoiced every billing period' }).check();
    await page.getByRole('textbox', { name: 'Buyer’s reference' }).fill('ACME-OPS-7');
    await page
      .getByRole('textbox', { name: /^Billing contacts/ })
      .fill('Anna Payable <ap@acme.example>');
    await harness.expectAccessible(page, 'new agreement');
    await page.getByRole('button', { name: 'Record the agreement' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agreement A-0002' }).waitFor();
    await settle(page);
    expect(await mainText(page)).toContain('ACME-OPS-7');
    expect(await mainText(page)).toContain('€1,200.00');

    // Each sponsor sees its own agreement, and nothing of another's.
    const rita = await harness.pageFor('rita@acme.example', 'member password 1');
    await visit(rita, `${server.url}/agreements`);
    expect(await mainText(rita)).toContain('A-0001');
    await harness.expectAccessible(rita, 'a sponsor’s agreements');
    const gus = await harness.pageFor('gus@globex.example', 'member password 1');
    await visit(gus, `${server.url}/agreements`);
    expect(await mainText(gus)).toContain('No agreements yet.');
    const agreements = await api.request<{ agreements: { id: string }[] }>(
      'GET',
      '/api/agreements',
    );
    await visit(gus, `${server.url}/agreements/${agreements.agreements[0]!.id}`);
    expect(await mainText(gus)).toContain('A sponsor sees only its own agreements.');
    expect(await mainText(gus)).not.toContain('PO-7781');
    expect(harness.pageErrors).toEqual([]);
  });
});
