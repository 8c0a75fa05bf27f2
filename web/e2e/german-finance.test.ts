import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  admin,
  BrowserHarness,
  ensureCoop,
  fillMonth,
  mainText,
  settle,
  visit,
  type RunningServer,
} from './helpers.ts';

const harness = new BrowserHarness('german-finance');
let server: RunningServer;

beforeAll(async () => {
  await harness.start();
  server = harness.server;
});

afterAll(() => harness.stop());

describe('the books in German', () => {
  it('shows the books, the reports, the entry form, an expense claim and the year end in German, with German numbers and no axe violations', async () => {
    const api = await ensureCoop(server.url);
    const { personId } = await api.signIn(admin.email, admin.password);
    await api.request('PATCH', `/api/members/${personId}`, { locale: 'de' });
    const today = new Date().toISOString().slice(0, 10);
    const sponsor = await api.request<{ id: string }>('POST', '/api/organizations', {
      legalName: 'Nordwind Cloud GmbH',
      displayName: 'Nordwind Cloud',
      kind: 'company',
      memberClass: 'sponsor',
    });
    await api.request('POST', '/api/ledger/sponsor-payments', {
      organizationId: sponsor.id,
      receivedOn: today,
      amount: '50000.00',
      reference: 'NW-1',
    });

    const page = await harness.pageFor(admin.email, admin.password);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');

    await visit(page, `${server.url}/books`);
    await page.getByRole('heading', { level: 1, name: 'Buchhaltung' }).waitFor();
    const home = await mainText(page);
    expect(home).toContain('Kennzahlen');
    expect(home).toContain('Bankguthaben');
    expect(home).toContain('Finanzierungskonzentration');
    // The officers' warnings come as facts and are worded here, in German.
    expect(home).toContain('Der Herfindahl-Hirschman-Index liegt bei 10000');
    // Money in the German format (a no-break space before the sign), not "€50,000.00".
    expect(home).toMatch(/50\.000,00\s€/);
    await harness.expectAccessible(page, 'books-home');

    await visit(page, `${server.url}/books/reports`);
    await page.getByRole('heading', { level: 1, name: 'Berichte' }).waitFor();
    const reports = await mainText(page);
    expect(reports).toContain('Bilanz');
    expect(reports).toContain('Gewinn- und Verlustrechnung');
    expect(reports).toContain('Summe Aktiva');
    expect(reports).toContain('So wird die Reichweite berechnet');
    await harness.expectAccessible(page, 'reports');

    // The entry form checks the balance in German, and reads German amounts ("1.200,50").
    await visit(page, `${server.url}/books/entries/new`);
    await page.getByRole('heading', { level: 1, name: 'Buchung erfassen' }).waitFor();
    const first = page.getByRole('group', { name: 'Buchungszeile 1' });
    await first.getByLabel('Konto').selectOption('expenses:infrastructure');
    await first.getByLabel(/^Soll/).fill('1.200,50');
    const second = page.getByRole('group', { name: 'Buchungszeile 2' });
    await second.getByLabel('Konto').selectOption('assets:bank:operating');
    await second.getByLabel(/^Haben/).fill('1.000');
    expect(await page.locator('.balance-check').textContent()).toMatch(
      /Differenz 200,50\s€ \(mehr Soll\)/,
    );
    await second.getByLabel(/^Haben/).fill('1.200,50');
    expect(await page.locator('.balance-check').textContent()).toContain('ausgeglichen.');
    await page.getByRole('button', { name: 'Buchung erfassen' }).click();
    await page.locator('.form-problem').waitFor();
    expect(await page.getByLabel('Beschreibung').getAttribute('aria-invalid')).toBe('true');
    await harness.expectAccessible(page, 'post-entry');
    await page.getByLabel('Beschreibung').fill('Serverkosten');
    await page.getByRole('button', { name: 'Buchung erfassen' }).click();
    await page.waitForURL(/\/books\/entries\?posted=\d+/);
    await settle(page);
    const entries = await mainText(page);
    expect(entries).toMatch(/Buchung #\d+ wurde erfasst\./);
    expect(entries).toMatch(/1\.200,50\s€/);
    // What the co-op wrote by itself reads in German, from its facts; the reference as typed.
    expect(entries).toContain('Zahlung eines Sponsors NW-1');
    expect(entries).not.toContain('Sponsor payment');
    // And so in an account's drill-down.
    await visit(page, `${server.url}/books/entries?account=${encodeURIComponent('assets:bank')}`);
    await page.getByRole('heading', { level: 1, name: /^Buchungen/ }).waitFor();
    await expect.poll(() => mainText(page)).toContain('Zahlung eines Sponsors NW-1');

    await visit(page, `${server.url}/books/expenses/new`);
    await page.getByRole('heading', { level: 1, name: 'Neue Auslage' }).waitFor();
    await page.getByRole('button', { name: 'Auslage einreichen' }).click();
    await page.locator('.form-problem').waitFor();
    expect(await mainText(page)).toContain('hänge ein Foto oder ein PDF des Belegs an');
    await harness.expectAccessible(page, 'new-claim');

    for (const [path, heading, text] of [
      ['/books/accounts', 'Konten', 'Kontenplan mit Salden'],
      ['/books/bank', 'Bank', 'Kontoauszug einlesen'],
      ['/books/pay', 'Gehälter', 'Monatliche Lohnabrechnung'],
      ['/books/expenses', 'Auslagen', 'Keine Auslagen.'],
    ] as const) {
      await visit(page, `${server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await mainText(page)).toContain(text);
      await harness.expectAccessible(page, path.slice(1).replace(/\//g, '-'));
    }
    // The payroll's month is named in German in an English browser ("März", not "March").
    await visit(page, `${server.url}/books/pay`);
    const payrollMonth = page.getByRole('group', { name: 'Monat', exact: true });
    expect(await payrollMonth.getByRole('combobox').locator('option').allTextContents()).toContain(
      'März',
    );
    // A month not begun cannot be chosen in this year's list.
    const thisMonth = new Date().toISOString().slice(0, 7);
    await fillMonth(page, 'Monat', thisMonth);
    const later = payrollMonth.getByRole('combobox').locator('option:not([value=""])');
    expect(
      await later.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).disabled)),
    ).toEqual(Array.from({ length: 12 }, (_, i) => i + 1 > Number(thisMonth.slice(5))));

    // A statement whose balances do not add up: the refusal and its figures in German, worded
    // from the facts it carries, with German money; a file that is not XML, its reason too.
    await visit(page, `${server.url}/books/bank`);
    await page.getByRole('heading', { level: 1, name: 'Bank' }).waitFor();
    const camt = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>K1</MsgId><CreDtTm>2026-11-30T18:00:00</CreDtTm></GrpHdr>
<Stmt><Id>K1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-01</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">110.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>
<Ntry><Amt Ccy="EUR">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-02</Dt></BookgDt><AcctSvcrRef>K1-1</AcctSvcrRef></Ntry>
</Stmt></BkToCstmrStmt></Document>`;
    const statementFile = page.getByLabel('Kontoauszugsdatei');
    const importButton = page.getByRole('button', { name: 'Kontoauszug einlesen' });
    await statementFile.setInputFiles({
      name: 'november.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(camt),
    });
    await importButton.click();
    const refusal = page.locator('.form-problem');
    await expect
      .poll(() => refusal.textContent())
      .toContain('Die Salden von november.xml gehen nicht auf.');
    expect(await refusal.textContent()).toMatch(
      /Auszug 1: Der Anfangssaldo \(OPBD\) 100,00\s€ und die Umsätze, 5,00\s€ \(Gutschriften 5,00\s€, Belastungen 0,00\s€\), ergeben 105,00\s€, der Schlusssaldo \(CLBD\) ist aber 110,00\s€: eine Differenz von 5,00\s€\./,
    );
    expect(await refusal.textContent()).not.toMatch(/reconcile|statements 1|opening balance/);
    await harness.expectAccessible(page, 'bank-mismatch');
    await statementFile.setInputFiles({
      name: 'kaputt.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from('<Document><BkToCstmrStmt><Stmt>'),
    });
    await importButton.click();
    await expect
      .poll(() => mainText(page))
      .toContain(
        'Die Datei ist kein gültiges XML: Die Elemente Document, BkToCstmrStmt, Stmt werden nie geschlossen',
      );

    await visit(page, `${server.url}/books/year-end`);
    await page.getByRole('heading', { level: 1, name: 'Jahresabschluss' }).waitFor();
    expect(await mainText(page)).toContain('1. Geschäftsjahr wählen');
    await harness.expectAccessible(page, 'year-end');
    // The dry run's steps are worded here from the close's facts: German, German money.
    await page.getByRole('button', { name: 'Probelauf starten' }).click();
    await page.getByRole('heading', { level: 2, name: /^2\. Probelauf/ }).waitFor();
    const steps = await page.locator('ol.explanation').first().textContent();
    expect(steps).toMatch(/Überschuss −?[\d.]+,\d\d\s€\./);
    expect(steps).toContain('Community-Fonds:');
    expect(steps).not.toMatch(/Surplus|Distributable|Community fund/);
    await harness.expectAccessible(page, 'year-end-dry-run');

    // A conflict the server names by code reads in German beside its field: inviting the
    // administrator, already a member.
    await visit(page, `${server.url}/invitations`);
    await page.getByLabel('E-Mail', { exact: true }).first().fill(admin.email);
    await page.getByRole('button', { name: 'Einladung senden' }).click();
    await page.locator('.form-problem').waitFor();
    await expect.poll(() => mainText(page)).toContain(`${admin.email} ist bereits Mitglied.`);
    expect(await mainText(page)).not.toContain('is already a member');

    // A schema's own words read in German too, checked by the form before it sends: a sponsor's
    // representative without an organization.
    await page.getByLabel('E-Mail', { exact: true }).first().fill('vertreterin@example.org');
    await page.getByLabel('Mitgliedergruppe').selectOption('sponsor');
    await page.getByRole('button', { name: 'Einladung senden' }).click();
    await expect
      .poll(() => mainText(page))
      .toContain('eine Vertretung eines Sponsors braucht eine Organisation');
    expect(await mainText(page)).not.toContain('needs an organization');

    expect(harness.pageErrors).toEqual([]);
  });
});
