import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  admin,
  BrowserHarness,
  ensureCoop,
  laptop,
  localDate,
  mainText,
  phone,
  settle,
  visit,
  type RunningServer,
  fillMonth,
} from './helpers.ts';
import { generateKey } from '../../src/transparency/core/keys.ts';
import { checkProofBundle } from '../../src/transparency/proofBundle.ts';

// With a log key, a notice's place in the transparency log comes with its signed checkpoint.
const logKey = generateKey('coop.e2e');
const harness = new BrowserHarness('finance', { COOP_LOG_SIGNING_KEY: logKey.skey });
let server: RunningServer;

beforeAll(async () => {
  await harness.start();
  server = harness.server;
});

afterAll(() => harness.stop());

const pageErrors = harness.pageErrors;
const pageFor = (email: string, password: string) => harness.pageFor(email, password);
const expectAccessible = (page: Page, where: string) => harness.expectAccessible(page, where);

/** Fills one posting row of the entry form. */
async function fillPosting(
  page: Page,
  n: number,
  posting: { account: string; debit?: string; credit?: string },
): Promise<void> {
  const row = page.getByRole('group', { name: `Posting ${n}` });
  await row.getByLabel('Account').selectOption(posting.account);
  if (posting.debit) await row.getByLabel(/^Debit/).fill(posting.debit);
  if (posting.credit) await row.getByLabel(/^Credit/).fill(posting.credit);
}

async function postExpense(
  page: Page,
  entry: { description: string; account: string; amount: string },
): Promise<number> {
  await page.getByRole('link', { name: 'Post an entry' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Post an entry' }).waitFor();
  await page.getByLabel('Kind').selectOption('expense');
  await page.getByLabel('Description').fill(entry.description);
  await fillPosting(page, 1, { account: entry.account, debit: entry.amount });
  await fillPosting(page, 2, { account: 'assets:bank:operating', credit: entry.amount });
  expect(await page.locator('.balance-check').textContent()).toContain('balanced');
  await page.getByRole('button', { name: 'Post the entry' }).click();
  await page.waitForURL(/\/books\/entries\?posted=\d+/);
  await settle(page);
  return Number(new URL(page.url()).searchParams.get('posted'));
}

const password = 'finance-e2e-2026';

/** A 1×1 PNG: a receipt's photo as far as the server's type sniffing goes. */
const onePixelPng =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe('the books in the browser', () => {
  it('books payments, expenses, a claim from a phone and a bank statement; warns of concentration, drills down, closes the year and shows a hacker their dividend', async () => {
    // Arrange through the API: two sponsors, two hackers with hours on a hacker work item.
    const api = await ensureCoop(server.url);
    const session = await api.request<{ coop: { currency: string } }>('GET', '/api/session');
    expect(session.coop.currency).toBe('EUR');
    const bylaws = await api.request<{ document: { fiscalYear: { startMonth: number } } }>(
      'GET',
      '/api/bylaws',
    );
    const startMonth = bylaws.document.fiscalYear.startMonth;
    const today = new Date().toISOString().slice(0, 10);
    const month = Number(today.slice(5, 7));
    const fiscalYear = Number(today.slice(0, 4)) - (month >= startMonth ? 0 : 1);

    await api.request('POST', '/api/organizations', {
      legalName: 'Nordwind Cloud GmbH',
      displayName: 'Nordwind Cloud',
      kind: 'company',
      memberClass: 'sponsor',
    });
    const small = await api.request<{ id: string }>('POST', '/api/organizations', {
      legalName: 'Small Tools Foundation',
      displayName: 'Small Tools',
      kind: 'foundation',
      memberClass: 'sponsor',
    });
    await api.request('POST', '/api/ledger/sponsor-payments', {
      organizationId: small.id,
      receivedOn: today,
      amount: '5000.00',
      reference: 'ST-1',
    });
    const hana = { email: 'hana@hackers.example', name: 'Hana Hacker' };
    const hugo = { email: 'hugo@hackers.example', name: 'Hugo Hacker' };
    const hanaId = (
      await addMember(api, {
        email: hana.email,
        displayName: hana.name,
        memberClass: 'hacker',
        password,
      })
    ).personId;
    const hugoId = (
      await addMember(api, {
        email: hugo.email,
        displayName: hugo.name,
        memberClass: 'hacker',
        password,
      })
    ).personId;
    const item = await api.request<{ id: string }>('POST', '/api/work-items', {
      title: 'Faster test suite',
      kind: 'feature',
      originClass: 'hackers',
      estimateHours: 40,
    });
    await api.request('POST', '/api/time-entries', {
      personId: hanaId,
      workItemId: item.id,
      workedOn: today,
      hours: 8,
    });
    await api.request('POST', '/api/time-entries', {
      personId: hugoId,
      workItemId: item.id,
      workedOn: today,
      hours: 4,
    });

    const adminPage = await pageFor(admin.email, admin.password);
    const nav = adminPage.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Books' }).click();
    await adminPage.getByRole('heading', { level: 1, name: 'Books' }).waitFor();
    await settle(adminPage);
    await expectAccessible(adminPage, 'books-home-before');

    // A sponsor payment through its form: a local error first, then the payment.
    await adminPage.getByRole('link', { name: 'Record a sponsor payment' }).click();
    await adminPage.getByRole('heading', { level: 1, name: 'Record a sponsor payment' }).waitFor();
    await settle(adminPage);
    await adminPage.getByLabel('Amount (EUR)').fill('12.345');
    await adminPage.getByRole('button', { name: 'Record the payment' }).click();
    await adminPage.locator('.form-problem').waitFor();
    expect(await adminPage.getByLabel('Sponsor').getAttribute('aria-invalid')).toBe('true');
    expect(await adminPage.getByLabel('Amount (EUR)').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(adminPage, 'sponsor-payment-errors');
    await adminPage.getByLabel('Sponsor').selectOption({ label: 'Nordwind Cloud' });
    await adminPage.getByLabel('Amount (EUR)').fill('50,000.00');
    await adminPage.getByLabel('Reference (optional)').fill('NW-2026-1');
    await adminPage.getByRole('button', { name: 'Record the payment' }).click();
    await adminPage.waitForURL(/\/books\/entries\?posted=\d+/);
    await settle(adminPage);
    const paymentText = await mainText(adminPage);
    expect(paymentText).toContain('Sponsor payment NW-2026-1');
    expect(paymentText).toContain('€50,000.00');

    // Two expenses through the entry form.
    const hosting = await postExpense(adminPage, {
      description: 'Server hosting',
      account: 'expenses:infrastructure',
      amount: '1200.00',
    });
    const travel = await postExpense(adminPage, {
      description: 'Travel to FOSDEM',
      account: 'expenses:travel',
      amount: '800',
    });
    expect(travel).toBe(hosting + 1);
    expect(await mainText(adminPage)).toContain(`Entry #${travel} was posted.`);
    await expectAccessible(adminPage, 'entries');

    // An unbalanced entry is refused with the difference shown at the balance check.
    await adminPage.getByRole('link', { name: 'Post an entry' }).first().click();
    await adminPage.getByRole('heading', { level: 1, name: 'Post an entry' }).waitFor();
    await adminPage.getByLabel('Description').fill('Stickers');
    await fillPosting(adminPage, 1, { account: 'expenses:events', debit: '100.00' });
    await fillPosting(adminPage, 2, { account: 'assets:bank:operating', credit: '90.00' });
    expect(await adminPage.locator('.balance-check').textContent()).toContain(
      'off by €10.00 (more debits)',
    );
    await adminPage.getByRole('button', { name: 'Add a posting' }).click();
    expect(
      await adminPage.evaluate(() => document.activeElement?.closest('fieldset')?.textContent),
    ).toContain('Posting 3');
    await adminPage.getByRole('button', { name: 'Post the entry' }).click();
    await adminPage.locator('.form-problem').waitFor();
    expect(await adminPage.locator('.balance-check .field-error').textContent()).toContain(
      'differ by €10.00',
    );
    // The empty third row was dropped, not sent.
    expect(await adminPage.getByRole('group', { name: /^Posting \d$/ }).count()).toBe(2);
    await expectAccessible(adminPage, 'post-entry-unbalanced');
    expect(new URL(adminPage.url()).pathname).toBe('/books/entries/new');

    // Corrected, it posts; then it is reversed, with a reason.
    await fillPosting(adminPage, 2, { account: 'assets:bank:operating', credit: '100.00' });
    expect(await adminPage.locator('.balance-check').textContent()).toContain('balanced');
    await adminPage.getByRole('button', { name: 'Post the entry' }).click();
    await adminPage.waitForURL(/\/books\/entries\?posted=\d+/);
    await settle(adminPage);
    const stickers = travel + 1;
    const card = adminPage.locator('article.entry').filter({
      has: adminPage.getByRole('heading', { name: `#${stickers} Stickers` }),
    });
    await card.getByRole('button', { name: `Reverse entry #${stickers}` }).click();
    await card.getByRole('button', { name: `Reverse entry #${stickers}` }).click();
    await card.locator('.form-problem').waitFor();
    expect(await card.getByLabel('Reason').getAttribute('aria-invalid')).toBe('true');
    await card.getByLabel('Reason').fill('Printed twice by mistake');
    await card.getByRole('button', { name: `Reverse entry #${stickers}` }).click();
    await expect
      .poll(() => mainText(adminPage))
      .toContain(`Entry #${stickers} was reversed by entry #${stickers + 1}.`);
    // The message comes with the answer; the card follows when the list reloads.
    await expect.poll(() => card.textContent()).toContain(`Reversed by #${stickers + 1}`);

    // A hacker claims an expense on a phone, with a photo of the receipt.
    const hanaPage = await pageFor(hana.email, password);
    await hanaPage.setViewportSize(phone);
    await hanaPage.getByRole('button', { name: 'Menu' }).click();
    await hanaPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Books' })
      .click();
    await hanaPage.getByRole('heading', { level: 1, name: 'Books' }).waitFor();
    const booksNav = hanaPage.getByRole('navigation', { name: 'Books' });
    expect(
      await booksNav.getByRole('link', { name: 'Entries' }).count(),
      'the journal is for officers',
    ).toBe(0);
    expect(
      await hanaPage.getByRole('link', { name: 'Post an entry' }).count(),
      'a hacker does not keep the books',
    ).toBe(0);
    await booksNav.getByRole('link', { name: 'Expenses' }).click();
    await hanaPage.getByRole('heading', { level: 1, name: 'Your expense claims' }).waitFor();
    await hanaPage.getByRole('link', { name: 'New claim' }).click();
    await hanaPage.getByRole('heading', { level: 1, name: 'New expense claim' }).waitFor();
    await settle(hanaPage);
    await hanaPage.getByLabel('Amount (EUR)').fill('1100');
    await hanaPage.getByRole('button', { name: 'Submit the claim' }).click();
    await hanaPage.locator('.form-problem').waitFor();
    expect(await hanaPage.getByLabel('Receipt').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(hanaPage, 'new-claim-errors');
    await hanaPage.setViewportSize(phone);
    await hanaPage.getByLabel('Receipt').setInputFiles({
      name: 'ticket.png',
      mimeType: 'image/png',
      buffer: Buffer.from(onePixelPng, 'base64'),
    });
    await hanaPage.locator('img.receipt-preview').waitFor();
    await hanaPage.getByLabel('What was it?').fill('Train to Berlin');
    await hanaPage.getByLabel('Category').fill('travel');
    await hanaPage.getByLabel('Book it to').selectOption({ label: 'Travel' });
    await hanaPage.getByRole('button', { name: 'Submit the claim' }).click();
    await hanaPage.waitForURL(/\/books\/expenses\/[\w-]{36}\?saved=submitted/);
    await settle(hanaPage);
    expect(await mainText(hanaPage)).toContain('Your claim was submitted');
    expect(await mainText(hanaPage)).toContain('Awaiting approval');
    await hanaPage.locator('img.receipt-image').waitFor();
    // The element comes before its bytes: wait for the image itself.
    await expect
      .poll(() =>
        hanaPage
          .locator('img.receipt-image')
          .evaluate((img) => (img as HTMLImageElement).naturalWidth),
      )
      .toBe(1);
    await expectAccessible(hanaPage, 'claim-submitted');
    const claimUrl = new URL(hanaPage.url()).pathname;

    // Above the bylaws' threshold (€1,000): the administrator and the chief economist approve
    // it, then it is paid.
    await api.request('POST', `/api/members/${hugoId}/officer-terms`, { role: 'chief-economist' });
    await visit(adminPage, `${server.url}/books/expenses`);
    expect(await mainText(adminPage)).toContain('1 claim awaits your approval.');
    await expectAccessible(adminPage, 'expenses-officers');
    await adminPage.getByRole('link', { name: 'Train to Berlin' }).click();
    await adminPage.waitForURL(`${server.url}${claimUrl}`);
    await settle(adminPage);
    // A rejection in too few words is the route's schema's to refuse, beside the reason, before
    // anything is sent.
    await adminPage.getByLabel('Reason for rejecting').fill(' no ');
    await adminPage.getByRole('button', { name: 'Reject the claim' }).click();
    await adminPage.locator('.form-problem').waitFor();
    const rejectReason = adminPage.getByLabel('Reason for rejecting');
    expect(await rejectReason.getAttribute('aria-invalid')).toBe('true');
    expect(await adminPage.locator('.field-error').first().textContent()).toContain(
      'say why, in at least 5 characters',
    );
    await rejectReason.fill('');
    await adminPage.getByRole('button', { name: 'Approve €1,100.00' }).click();
    await expect
      .poll(() => adminPage.getByRole('status').allTextContents())
      .toContain('You approved the claim: it needs 1 more approval.');
    const hugoPage = await pageFor(hugo.email, password);
    await visit(hugoPage, `${server.url}${claimUrl}`);
    await settle(hugoPage);
    await hugoPage.getByRole('button', { name: 'Approve €1,100.00' }).click();
    await expect
      .poll(() => hugoPage.getByRole('status').allTextContents())
      .toContain('You approved the claim: it is ready to be paid.');
    await visit(adminPage, `${server.url}${claimUrl}`);
    await settle(adminPage);
    await adminPage.getByRole('button', { name: 'Pay €1,100.00' }).click();
    await expect
      .poll(() => mainText(adminPage))
      .toContain(`Paid and booked as entry #${travel + 3}.`);
    expect(await mainText(adminPage)).toContain('Paid');

    // Pay: a salary for Hana against the bylaws' target (posted only by the payroll).
    await adminPage
      .getByRole('navigation', { name: 'Books' })
      .getByRole('link', { name: 'Pay' })
      .click();
    await adminPage.getByRole('heading', { level: 1, name: 'Pay' }).waitFor();
    await settle(adminPage);
    await adminPage.getByLabel('Hacker', { exact: true }).selectOption({ label: hana.name });
    await adminPage.getByLabel('Gross a month (EUR)').fill('4500');
    await adminPage.getByLabel('Employer’s costs a month (EUR)').fill('900');
    await adminPage.getByRole('button', { name: 'Set the salary' }).click();
    await expect
      .poll(() => adminPage.locator('section[aria-labelledby="target-heading"]').textContent())
      .toContain('€54,000.00');
    expect(await mainText(adminPage)).toContain('60%');
    await expectAccessible(adminPage, 'pay');

    // A bank statement: one line matches an entry, one is booked, one is ignored.
    await api.request('POST', '/api/ledger/csv-mappings', {
      name: 'Test Bank CSV',
      account: 'assets:bank:operating',
      mapping: {
        dateColumn: 'Date',
        dateFormat: 'YYYY-MM-DD',
        amountColumn: 'Amount',
        descriptionColumn: 'Description',
        counterpartyColumn: 'Counterparty',
        balanceColumn: 'Balance',
        currency: 'EUR',
      },
    });
    const statement = [
      'Date,Description,Counterparty,Amount,Balance',
      `${today},Hosting invoice,Hetzner Online,-1200.00,8800.00`,
      `${today},Account fee,Test Bank,-30.00,8770.00`,
      `${today},Card check,Test Bank,-5.00,8765.00`,
    ].join('\n');
    await adminPage
      .getByRole('navigation', { name: 'Books' })
      .getByRole('link', { name: 'Bank' })
      .click();
    await adminPage.getByRole('heading', { level: 1, name: 'Bank' }).waitFor();
    await settle(adminPage);
    await adminPage.getByLabel('Statement file').setInputFiles({
      name: 'test-bank-november.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(statement),
    });
    await adminPage.getByLabel('CSV mapping').selectOption('Test Bank CSV');
    await adminPage.getByRole('button', { name: 'Import the statement' }).click();
    await adminPage.locator('.import-result .status-message').waitFor();
    const imported = (await adminPage.locator('.import-result').textContent()) ?? '';
    expect(imported).toContain('3 new lines; 0 matched, 1 to review, 2 unmatched.');
    expect(imported).toContain('Balances add up');
    const review = adminPage.locator('article.bank-line');
    await expect.poll(() => review.count()).toBe(1);
    expect(await review.textContent()).toContain(`entry #${hosting}`);
    await review.getByRole('button', { name: /^Confirm/ }).click();
    await expect
      .poll(() => adminPage.getByRole('status').allTextContents())
      .toContain(
        `The line of ${await localDate(adminPage, today)}, −€1,200.00 is matched to entry #${hosting}.`,
      );
    await adminPage.getByRole('link', { name: /^Unmatched/ }).click();
    await expect.poll(() => review.count()).toBe(2);
    const fee = review.filter({ hasText: 'Account fee' });
    await fee.getByRole('button', { name: /^Book it/ }).click();
    // No account chosen reads "required" beside it, before anything is sent.
    await fee.getByRole('button', { name: 'Book the line' }).click();
    await fee.locator('.form-problem').waitFor();
    expect(await fee.getByLabel('Book against').getAttribute('aria-invalid')).toBe('true');
    expect(await fee.locator('.field-error').first().textContent()).toContain('required');
    await fee.getByLabel('Book against').selectOption('expenses:fees');
    await fee.getByRole('button', { name: 'Book the line' }).click();
    await expect.poll(() => review.count()).toBe(1);
    expect(await mainText(adminPage)).toContain(`is booked as entry #${travel + 4}.`);
    const check = review.filter({ hasText: 'Card check' });
    await check.getByRole('button', { name: /^Ignore/ }).click();
    await check.getByLabel('Why (optional)').fill('A card verification, refunded');
    await check.getByRole('button', { name: 'Ignore the line' }).click();
    await expect.poll(() => review.count()).toBe(0);
    // The statements' counts are read again after the queue empties: wait for them.
    const statements = async () =>
      (await adminPage.locator('section[aria-labelledby="statements-heading"]').textContent()) ??
      '';
    expect(await statements()).toContain('test-bank-november.csv');
    await expect.poll(statements).toContain('2 matched, 0 to review, 0 unmatched, 1 ignored');
    await expectAccessible(adminPage, 'bank');

    // The books home: the concentration panel warns of the one dominant sponsor.
    await adminPage
      .getByRole('navigation', { name: 'Books' })
      .getByRole('link', { name: 'Overview' })
      .click();
    await adminPage.getByRole('heading', { level: 1, name: 'Books' }).waitFor();
    await settle(adminPage);
    const panel = adminPage.locator('section.concentration');
    await panel.locator('svg.hbars').waitFor();
    const panelText = (await panel.textContent()) ?? '';
    expect(panelText).toContain('Nordwind Cloud gives 90.91% of the funding');
    expect(panelText).toContain('Herfindahl-Hirschman index is 8347');
    expect(panelText).toContain('€55,000.00');
    expect(await panel.locator('svg.hbars').getAttribute('role')).toBe('img');
    expect(await panel.locator('svg.hbars [data-bar]').count()).toBe(2);
    expect(await mainText(adminPage)).toContain('runway = cash in the bank');
    // Verify the kept balances.
    await adminPage.getByRole('button', { name: 'Verify balances' }).click();
    await expect
      .poll(() => adminPage.locator('.status-message').textContent())
      .toContain('every kept balance matches');
    const journal = await adminPage.request.get(`${server.url}/api/ledger/export?format=hledger`);
    expect(journal.status()).toBe(200);
    expect(await journal.text()).toContain('NW-2026-1');
    await expectAccessible(adminPage, 'books-home');

    // The chart of accounts with balances.
    await adminPage
      .getByRole('navigation', { name: 'Books' })
      .getByRole('link', { name: 'Accounts' })
      .click();
    await adminPage.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
    await settle(adminPage);
    const tree = (await adminPage.locator('table.account-tree').textContent()) ?? '';
    expect(tree).toContain('€51,870.00'); // the bank: 55,000 in, 3,130 out
    expect(tree).toContain('Balanced');
    await expectAccessible(adminPage, 'accounts');

    // Reports for the fiscal year; a figure drills down to its postings.
    await adminPage
      .getByRole('navigation', { name: 'Books' })
      .getByRole('link', { name: 'Reports' })
      .click();
    await adminPage.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await settle(adminPage);
    const income = adminPage.locator('section[aria-labelledby="income-heading"]');
    expect(await income.textContent()).toContain('€51,870.00');
    expect(await adminPage.locator('.cash-chart svg').getAttribute('role')).toBe('img');
    const csv = await adminPage.request.get(
      `${server.url}${await income.getByRole('link', { name: /CSV/ }).getAttribute('href')}`,
    );
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('income:sponsorship');
    await expectAccessible(adminPage, 'reports');
    await income.getByRole('link', { name: /the postings of income:sponsorship/ }).click();
    await adminPage.waitForURL(/\/books\/entries\?account=income%3Asponsorship/);
    await settle(adminPage);
    expect(await adminPage.locator('h1').textContent()).toBe('Entries: income:sponsorship');
    const drilled = await mainText(adminPage);
    expect(drilled).toContain('Sponsor payment NW-2026-1');
    expect(drilled).toContain('Sponsor payment ST-1');
    expect(drilled).not.toContain('Server hosting');
    expect(await adminPage.locator('tr.posting-match').count()).toBe(2);

    // The year-end wizard: dry run with its arithmetic, then the close.
    await adminPage
      .getByRole('navigation', { name: 'Books' })
      .getByRole('link', { name: 'Year end' })
      .click();
    await adminPage.getByRole('heading', { level: 1, name: 'Year end' }).waitFor();
    await settle(adminPage);
    // Only years that have begun and that the co-op kept books in are offered.
    const offered = await adminPage
      .getByLabel('Fiscal year', { exact: true })
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toContain(String(fiscalYear));
    expect(offered).not.toContain(String(fiscalYear + 1));
    expect(offered.every((y) => Number(y) >= 2025)).toBe(true);
    await adminPage.getByLabel('Fiscal year', { exact: true }).selectOption(String(fiscalYear));
    await adminPage.getByRole('button', { name: 'Run the dry run' }).click();
    await adminPage
      .getByRole('heading', { level: 2, name: `2. The dry run of fiscal year ${fiscalYear}` })
      .waitFor();
    const dryRun = await mainText(adminPage);
    expect(dryRun).toContain('€51,870.00'); // the surplus
    expect(dryRun).toContain('−€5,187.00'); // the 10% reserve
    expect(dryRun).toContain('the parts add up to the surplus exactly');
    expect(dryRun).toContain('Before you close:'); // the year has not ended yet
    const hackers = adminPage.locator('section[aria-labelledby="hackers-shares"]');
    expect(await hackers.textContent()).toContain('Hana Hacker');
    expect(await hackers.textContent()).toContain('€15,561.00'); // 8 of 12 hours of €23,341.50
    await expectAccessible(adminPage, 'year-end-dry-run');
    // Nothing was posted by the dry run.
    const before = await api.request<{ entries: { number: number }[] }>(
      'GET',
      '/api/ledger/entries?limit=1',
    );
    expect(before.entries[0]!.number).toBe(travel + 4);

    await adminPage.getByRole('button', { name: 'Continue to confirm' }).click();
    await adminPage.getByRole('button', { name: `Close fiscal year ${fiscalYear}` }).click();
    await adminPage.locator('.form-problem').waitFor();
    expect(await adminPage.getByRole('checkbox').getAttribute('aria-invalid')).toBe('true');
    await adminPage.getByRole('checkbox').check();
    await adminPage.getByRole('button', { name: `Close fiscal year ${fiscalYear}` }).click();
    await adminPage
      .getByRole('heading', { level: 2, name: `4. Fiscal year ${fiscalYear} is closed` })
      .waitFor();
    const closed = await mainText(adminPage);
    expect(closed).toContain(`#${travel + 5}`);
    expect(closed).toContain(`#${travel + 6}`);
    await expectAccessible(adminPage, 'year-end-closed');

    // The closed period refuses a new entry: the server's error shows beside the date.
    await adminPage.goto(`${server.url}/books/entries/new`);
    await settle(adminPage);
    await adminPage.getByLabel('Description').fill('Late invoice');
    await fillPosting(adminPage, 1, { account: 'expenses:fees', debit: '10' });
    await fillPosting(adminPage, 2, { account: 'assets:bank:operating', credit: '10' });
    await adminPage.getByRole('button', { name: 'Post the entry' }).click();
    await adminPage.locator('.form-problem').waitFor();
    const dateField = adminPage.getByRole('group', { name: 'Date', exact: true });
    expect(await dateField.locator('[data-type="day"]').getAttribute('aria-invalid')).toBe('true');
    expect(await adminPage.locator('.field-error').first().textContent()).toContain(
      'locked period',
    );

    // So does the payroll of this month: the error shows at the month.
    await visit(adminPage, `${server.url}/books/pay`);
    await fillMonth(adminPage, 'Month', today.slice(0, 7));
    await adminPage.getByRole('button', { name: 'Post the payroll' }).click();
    await adminPage.locator('.form-problem').waitFor();
    const monthField = adminPage.getByRole('group', { name: 'Month', exact: true });
    expect(await monthField.getByRole('combobox').getAttribute('aria-invalid')).toBe('true');

    // The officers' view of the dividends.
    await visit(adminPage, `${server.url}/books/dividends`);
    const all = await mainText(adminPage);
    expect(all).toContain('Hugo Hacker');
    expect(all).toContain('Nordwind Cloud');
    await expectAccessible(adminPage, 'dividends-officers');

    // A hacker opens their notice: the figures, the arithmetic and the PDF.
    await hanaPage.setViewportSize(laptop);
    await visit(hanaPage, `${server.url}/books`);
    await hanaPage
      .getByRole('navigation', { name: 'Books' })
      .getByRole('link', { name: 'Dividends' })
      .click();
    await hanaPage.getByRole('heading', { level: 1, name: 'Your dividends' }).waitFor();
    await settle(hanaPage);
    const notice = hanaPage.locator('article.dividend-notice');
    expect(await notice.count()).toBe(1);
    expect(await notice.locator('.dividend-amount').textContent()).toBe('€15,561.00');
    expect(await notice.locator('.dividend-cash').textContent()).toBe('€7,780.50');
    expect(await notice.locator('.dividend-retained').textContent()).toBe('€7,780.50');
    expect(await notice.textContent()).toContain('8 hours worked');
    expect(await mainText(hanaPage)).not.toContain('Hugo Hacker');
    await hanaPage.getByText(`How the surplus of ${fiscalYear} was shared`).click();
    expect(await mainText(hanaPage)).toContain('by minutes worked');
    const pdfHref = await notice.getByRole('link', { name: /PDF/ }).getAttribute('href');
    const pdf = await hanaPage.request.get(`${server.url}${pdfHref}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // The notice is in the transparency log, once the dispatcher has appended it and signed.
    await expect
      .poll(
        async () => {
          await hanaPage.reload();
          await settle(hanaPage);
          return (await notice.locator('.in-log').textContent()) ?? '';
        },
        { timeout: 60_000 },
      )
      .toMatch(/^In the transparency log at index \d+, checkpoint of .+\. Download the proof$/);
    // Its proof file holds Hana's notice, and checks offline against the log's key.
    const proofHref = await notice
      .getByRole('link', { name: 'Download the proof' })
      .getAttribute('href');
    const proof = await hanaPage.request.get(`${server.url}${proofHref}`);
    expect(proof.status()).toBe(200);
    const bundle = (await proof.json()) as {
      record: { type: string; data: { amountMinor: string } };
    };
    expect(bundle.record).toMatchObject({
      type: 'dividend.declared',
      data: { amountMinor: '1556100' },
    });
    expect(checkProofBundle(bundle, logKey.vkey)).toMatchObject({ valid: true });
    await expectAccessible(hanaPage, 'dividends-hacker');

    // The public page needs no sign-in.
    const visitor = await pageFor('', '');
    await visit(visitor, `${server.url}/finance`);
    expect(await visitor.locator('h1').textContent()).toBe(`Finances of ${admin.coopName}`);
    await expectAccessible(visitor, 'public-finance');

    expect(pageErrors).toEqual([]);
  });
});
