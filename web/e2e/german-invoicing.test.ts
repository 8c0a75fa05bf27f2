import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  admin,
  BrowserHarness,
  ensureCoop,
  mainText,
  visit,
  type RunningServer,
} from './helpers.ts';

const harness = new BrowserHarness('german-invoicing');
let server: RunningServer;

beforeAll(async () => {
  await harness.start();
  server = harness.server;
});

afterAll(() => harness.stop());

describe('invoices, contributions and the transparency log in German', () => {
  it('shows the invoice list, an invoice, a new invoice, reminders, the repositories and the log in German, with no axe violations', async () => {
    const api = await ensureCoop(server.url);
    const { personId } = await api.signIn(admin.email, admin.password);
    await api.request('PATCH', `/api/members/${personId}`, { locale: 'de' });
    await api.request('PATCH', '/api/invoicing/settings', {
      legalName: 'Test Hackers Co-op eG',
      vatId: 'DE123456789',
      street: 'Hackerstraße 1',
      city: 'Berlin',
      postcode: '10115',
      email: 'billing@coop.test',
      phone: '+49 30 1234567',
      iban: 'DE89370400440532013000',
      dunningStages: [{ afterDays: 7, label: 'Zahlungserinnerung' }],
    });
    const buyer = await api.request<{ id: string }>('POST', '/api/organizations', {
      legalName: 'Nordwind Maschinenbau GmbH',
      taxId: 'DE987654321',
      country: 'DE',
      billingEmail: 'ap@nordwind.test',
    });
    const invoice = await api.request<{ id: string; number: string }>('POST', '/api/invoices', {
      buyer: { organizationId: buyer.id },
      finalize: true,
      lines: [
        {
          description: 'Wartung, Dezember',
          quantity: '1',
          unitPrice: '1500.00',
          vatCategory: 'S',
          vatRate: '19',
        },
      ],
    });

    const page = await harness.pageFor(admin.email, admin.password);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');

    await visit(page, `${server.url}/invoices`);
    await page.getByRole('heading', { level: 1, name: 'Rechnungen' }).waitFor();
    const list = await mainText(page);
    expect(list).toContain('1 Rechnung.');
    expect(list).toContain('Käufer');
    // Money in the German format (a no-break space before the sign), not "1785.00 EUR".
    expect(list).toMatch(/1\.785,00\s€/);
    await harness.expectAccessible(page, 'invoices');

    await visit(page, `${server.url}/invoices/${invoice.id}`);
    await page.getByRole('heading', { level: 1, name: `Rechnung ${invoice.number}` }).waitFor();
    const detail = await mainText(page);
    expect(detail).toContain('Übersicht');
    expect(detail).toContain('Umsatzsteuer nach Sätzen');
    expect(detail).toContain('Zahlung erfassen');
    expect(detail).toContain('Rechnungskorrektur ausstellen');
    await harness.expectAccessible(page, 'invoice');
    // A payment typed in German notation goes out as the route's decimal.
    await page.getByLabel(/^Betrag/).fill('1.000,50');
    await page.getByRole('button', { name: 'Zahlung erfassen' }).click();
    await page.getByText('Zahlung erfasst.').waitFor();
    await page.getByText('Teilweise bezahlt').first().waitFor();

    await visit(page, `${server.url}/invoices/new`);
    await page.getByRole('heading', { level: 1, name: 'Neue Rechnung' }).waitFor();
    expect(await page.getByRole('group', { name: 'Position 1' }).count()).toBe(1);
    await harness.expectAccessible(page, 'new-invoice');
    // A standard-rated line at 0 % is refused beside its field, in German (invoice-line.*).
    await page.getByLabel('Käufer', { exact: true }).selectOption(buyer.id);
    const line1 = page.getByRole('group', { name: 'Position 1' });
    await line1.getByLabel(/Beschreibung/).fill('Bücher');
    await line1.getByLabel('Einzelpreis').fill('25');
    await line1.getByLabel('USt.-Satz (%)').fill('0');
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await page.locator('.field-error').first().waitFor();
    expect(await page.locator('.field-error').first().textContent()).toBe(
      '⚠ Eine Zeile zum Normalsatz braucht einen Steuersatz über 0.',
    );
    // A quantity in the server's notation does not read in German: the member's example says
    // how, beside the field, before sending.
    await line1.getByLabel('Menge').fill('2.5');
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await expect
      .poll(() => page.locator('.field-error').first().textContent())
      .toBe('⚠ eine Zahl, etwa 2,5');
    // Quantity, price and rate typed the German way are read so and sent as the route's decimals.
    await line1.getByLabel('Menge').fill('2,5');
    await line1.getByLabel('Einzelpreis').fill('1.500,00');
    await line1.getByLabel('USt.-Satz (%)').fill('7,7');
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await page.waitForURL(/\/invoices\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /^Rechnungsentwurf|^Rechnung/ }).waitFor();
    await expect.poll(() => mainText(page)).toContain('Netto 3.750,00 + USt. 288,75 = 4.038,75');
    expect(await page.locator('td[data-label="Menge"]').first().textContent()).toBe('2,5');
    expect(await page.locator('td[data-label="USt."]').first().textContent()).toMatch(/7,7\s?%$/);

    await visit(page, `${server.url}/invoices/dunning`);
    await page.getByRole('heading', { level: 1, name: 'Mahnungen' }).waitFor();
    expect(await mainText(page)).toContain('Zahlungserinnerung 7 Tage nach Fälligkeit');
    await harness.expectAccessible(page, 'dunning');

    await visit(page, `${server.url}/contributions`);
    await page.getByRole('heading', { level: 1, name: 'Beiträge' }).waitFor();
    expect(await mainText(page)).toContain('Repository registrieren');
    await harness.expectAccessible(page, 'contributions');

    await visit(page, `${server.url}/log`);
    await page.getByRole('heading', { level: 1, name: 'Transparenzprotokoll' }).waitFor();
    expect(await mainText(page)).toContain('Prüfe es selbst');
    await harness.expectAccessible(page, 'log');

    expect(harness.pageErrors).toEqual([]);
  });
});
