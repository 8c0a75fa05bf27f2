import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  admin,
  confirmAction,
  BrowserHarness,
  ensureCoop,
  mainText,
  phone,
  settle,
  visit,
} from './helpers.ts';

const harness = new BrowserHarness('invoicing');

beforeAll(() => harness.start());
afterAll(() => harness.stop());

const expectAccessible = (page: Page, where: string) => harness.expectAccessible(page, where);
const password = 'invoicing-e2e-2026';

describe('invoices in the browser', () => {
  it('drafts, finalises, pays and credits an invoice; a sponsor sees only its own', async () => {
    const url = harness.server.url;
    const api = await ensureCoop(url);
    await api.request('PATCH', '/api/invoicing/settings', {
      legalName: 'Test Hackers Co-op eG',
      vatId: 'DE123456789',
      street: 'Hackerstraße 1',
      city: 'Berlin',
      postcode: '10115',
      email: 'billing@coop.test',
      phone: '+49 30 1234567',
      iban: 'DE89370400440532013000',
      dunningStages: [
        { afterDays: 7, label: 'Reminder' },
        { afterDays: 35, label: 'Final notice' },
      ],
    });
    const acme = await api.request<{ id: string }>('POST', '/api/organizations', {
      legalName: 'Acme GmbH',
      taxId: 'DE987654321',
      country: 'DE',
      billingEmail: 'ap@acme.test',
      billingAddress: 'Industrieweg 5\n80331 München',
    });
    const other = await api.request<{ id: string }>('POST', '/api/organizations', {
      legalName: 'Other Corp',
    });
    await api.request('POST', '/api/invoices', {
      buyer: { organizationId: other.id },
      finalize: true,
      lines: [
        {
          description: 'Silver',
          quantity: '1',
          unitPrice: '500.00',
          vatCategory: 'S',
          vatRate: '19',
        },
      ],
    });
    await addMember(api, {
      email: 'rep@acme.test',
      displayName: 'Rita Rep',
      memberClass: 'sponsor',
      organizationId: acme.id,
      password,
    });

    const page = await harness.pageFor(admin.email, admin.password);
    await visit(page, `${url}/invoices/new`);
    await page.getByRole('heading', { level: 1, name: 'New invoice' }).waitFor();
    await settle(page);
    await page.getByLabel('Buyer', { exact: true }).selectOption(acme.id);
    const line1 = page.getByRole('group', { name: 'Line 1' });
    await line1.getByLabel(/description/).fill('Gold retainer, March');
    await line1.getByLabel('Unit price').fill('1000.00');
    await page.getByRole('button', { name: 'Add a line' }).click();
    const line2 = page.getByRole('group', { name: 'Line 2' });
    await line2.getByLabel(/description/).fill('Books');
    await line2.getByLabel('Quantity').fill('2');
    await line2.getByLabel('Unit price').fill('25.00');
    await line2.getByLabel('VAT rate (%)').fill('0');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    // A standard-rated line at 0% is refused, beside the field.
    await page.locator('.field-error').first().waitFor();
    expect(await mainText(page)).toMatch(/standard-rated line needs a rate above 0/);
    await expectAccessible(page, 'new-invoice-errors');
    await line2.getByLabel('VAT rate (%)').fill('7');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByRole('heading', { level: 1, name: 'Invoice (draft)' }).waitFor();
    await settle(page);
    expect(await mainText(page)).toMatch(/€1,243\.50/);
    await expectAccessible(page, 'draft');

    await page.getByRole('button', { name: 'Finalise the invoice' }).click();
    await page.getByRole('heading', { level: 1, name: /^Invoice INV-\d{4}-00002$/ }).waitFor();
    await settle(page);
    const number = (await page.getByRole('heading', { level: 1 }).textContent())!.replace(
      'Invoice ',
      '',
    );
    // Finalised, it is in the transparency log (hashed): the page says where, once appended.
    await expect
      .poll(
        async () => {
          await page.reload();
          await settle(page);
          return mainText(page);
        },
        { timeout: 60_000 },
      )
      .toContain('In the transparency log at index');
    expect(await page.getByRole('link', { name: 'PDF', exact: true }).getAttribute('href')).toMatch(
      /document\?format=pdf$/,
    );
    // No amount reads "required" beside it, before anything is sent.
    await page.getByRole('button', { name: 'Record the payment' }).click();
    await page.locator('.form-problem').waitFor();
    expect(await page.getByLabel(/^Amount/).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel(/^Amount/).fill('500.00');
    await page.getByRole('button', { name: 'Record the payment' }).click();
    await page.getByText('Payment recorded.').waitFor();
    await page.getByText('Partly paid').waitFor();
    expect(await mainText(page)).toMatch(/Open€743\.50/);
    await expectAccessible(page, 'invoice-partly-paid');

    // Sent to the buyer from its page: the dialog says what goes, the sending is listed. With no
    // buyer reference nor purchase order, Peppol's UBL is not possible: CII is attached.
    const said = await confirmAction(page, 'Send to the buyer', 'Send it');
    expect(said).toMatch(/billing contacts/);
    await page.getByText('Sent to ap@acme.test.').waitFor();
    await page.getByText(/to ap@acme\.test by mail, with the PDF and CII/).waitFor();
    await expectAccessible(page, 'invoice-sent');

    await page.getByRole('link', { name: 'Issue a credit note' }).click();
    await page.getByRole('heading', { level: 1, name: `Credit note for ${number}` }).waitFor();
    await settle(page);
    const credit = page.getByRole('group', { name: 'Line 1' });
    await credit.getByLabel(/description/).fill('Goodwill');
    await credit.getByLabel('Unit price').fill('100.00');
    await page.getByLabel(/Finalise now/).check();
    await page.getByRole('button', { name: 'Issue' }).click();
    await page.getByRole('heading', { level: 1, name: /^Credit note CN-/ }).waitFor();
    await settle(page);

    await visit(page, `${url}/invoices`);
    await page.getByRole('heading', { level: 1, name: 'Invoices' }).waitFor();
    await settle(page);
    expect(await mainText(page)).toMatch(/3 invoices/);
    await expectAccessible(page, 'invoices');
    await visit(page, `${url}/invoices/dunning`);
    await page.getByRole('heading', { level: 1, name: 'Reminders' }).waitFor();
    await settle(page);
    await expectAccessible(page, 'dunning');
    await visit(page, `${url}/invoices/settings`);
    await page.getByRole('heading', { level: 1, name: 'Invoicing settings' }).waitFor();
    await settle(page);
    await expectAccessible(page, 'settings');

    // The sponsor's representative, on a phone: its organization's invoice and credit note only.
    const rep = await harness.pageFor('rep@acme.test', password);
    await rep.setViewportSize(phone);
    await visit(rep, `${url}/invoices`);
    await rep.getByRole('heading', { level: 1, name: 'Invoices' }).waitFor();
    await settle(rep);
    const text = await mainText(rep);
    expect(text).toMatch(/2 invoices/);
    expect(text).not.toMatch(/Other Corp/);
    expect(await rep.getByRole('link', { name: 'New invoice' }).count()).toBe(0);
    await expectAccessible(rep, 'sponsor-invoices');
    expect(harness.pageErrors).toEqual([]);
  });
});
