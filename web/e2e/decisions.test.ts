import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  admin,
  BrowserHarness,
  confirmAction,
  ensureCoop,
  fillDate,
  localDate,
  mainText,
  settle,
  type RunningServer,
  visit,
} from './helpers.ts';

const harness = new BrowserHarness('decisions');
let server: RunningServer;

beforeAll(async () => {
  await harness.start();
  server = harness.server;
});

afterAll(() => harness.stop());

const password = 'decisions-e2e-2026';

let checkedHome = false;

/** Opens the ballot now, as an officer, and lets each member vote yes. */
async function openAndVoteYes(adminPage: Page, voters: Page[]): Promise<string> {
  await confirmAction(adminPage, 'Open the ballot now', 'Open the ballot');
  await adminPage.locator('#vote-heading').waitFor();
  const url = adminPage.url();
  const title = (await adminPage.locator('h1').textContent()) ?? '';
  // Each voter's home says what waits for them, and leads to it.
  const [first] = voters;
  await visit(first!, `${new URL(url).origin}/`);
  const todo = first!.locator('section[aria-labelledby="todo-heading"]');
  await todo.getByRole('link', { name: `Vote on “${title}”` }).waitFor();
  expect(await todo.textContent()).toMatch(/You have not voted yet\. Due in \d+ days/);
  if (!checkedHome) {
    await harness.expectAccessible(first!, 'home-what-needs-you');
    checkedHome = true;
  }
  await todo.getByRole('link', { name: `Vote on “${title}”` }).click();
  await first!.waitForURL(url);
  for (const page of [adminPage, ...voters]) {
    await visit(page, url);
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('button', { name: 'Cast my vote' }).click();
    await expect.poll(() => mainText(page)).toContain('Your vote is cast');
  }
  // The list of votes says who has voted: each reader, of themselves.
  await visit(first!, `${new URL(url).origin}/votes`);
  const row = first!.locator('tr', { has: first!.getByRole('link', { name: title }) });
  expect(await row.locator('td[data-label="Your vote"]').textContent()).toBe('Voted');
  await visit(first!, `${new URL(url).origin}/`);
  await expect
    .poll(() => first!.locator('section[aria-labelledby="todo-heading"]').textContent())
    .not.toContain(title);
  await visit(adminPage, url);
  expect(await confirmAction(adminPage, 'Close and count now', 'Close and count the vote')).toMatch(
    /closes now instead of at .* cannot vote any more/,
  );
  await adminPage.locator('#result-heading').waitFor();
  return url;
}

describe('decisions in the browser', () => {
  it('puts a bylaw amendment for a later day and a budget to the vote; both are adopted', async () => {
    const api = await ensureCoop(server.url);
    const members = [
      { email: 'hana@decisions.example', displayName: 'Hana Hacker', memberClass: 'hacker' },
      { email: 'cora@decisions.example', displayName: 'Cora Common', memberClass: 'community' },
    ] as const;
    for (const m of members) await addMember(api, { ...m, password });
    const adminPage = await harness.pageFor(admin.email, admin.password);
    const voters = [
      await harness.pageFor(members[0].email, password),
      await harness.pageFor(members[1].email, password),
    ];

    // The amendment: more pie for the community, from the first day of 2099, by a vote.
    await visit(adminPage, `${server.url}/bylaws`);
    await adminPage.getByRole('link', { name: 'Amend the bylaws' }).click();
    await adminPage.getByRole('heading', { level: 1, name: 'Amend the bylaws' }).waitFor();
    await settle(adminPage);
    const pie = adminPage.getByRole('group', { name: 'The pie' });
    await pie.getByLabel('Sponsors (%)').fill('30');
    await pie.getByLabel('Community (%)').fill('40');
    await adminPage.getByLabel('Summary of the change').fill('More of the pie for the community');
    await fillDate(adminPage, 'In force from', '2099-01-01');
    await adminPage.getByLabel('How it is adopted').selectOption('vote');
    await harness.expectAccessible(adminPage, 'amend-by-vote');
    await adminPage.getByRole('button', { name: 'Put it to a vote' }).click();
    await adminPage.waitForURL(/\/votes\/[\w-]{36}$/);
    await settle(adminPage);
    const changes = adminPage.locator('section[aria-labelledby="changes-heading"]');
    await changes.locator('tbody tr').first().waitFor();
    expect(await changes.locator('tbody tr').allTextContents()).toEqual([
      'Pie › Sponsors4030',
      'Pie › Community3040',
    ]);
    const from2099 = await localDate(adminPage, '2099-01-01');
    expect(await mainText(adminPage)).toContain(`from ${from2099}`);
    await harness.expectAccessible(adminPage, 'amendment-vote');
    await openAndVoteYes(adminPage, voters);
    expect(await adminPage.locator('.outcome').textContent()).toContain('The proposal passed.');
    expect(await adminPage.locator('.outcome-reason').textContent()).toMatch(
      /^Passed: 100\.0% yes among yes and no/,
    );

    // Adopted, it waits for its day: version 1 stays in force, version 2 is scheduled.
    await visit(adminPage, `${server.url}/bylaws`);
    const history = adminPage.locator('section[aria-labelledby="bylaws-history"]');
    await history.locator('li').nth(1).waitFor();
    expect(await history.locator('li').first().textContent()).toContain(`From ${from2099}`);
    expect(await history.locator('li').nth(1).textContent()).toContain('In force');
    expect(await adminPage.locator('.lead').first().textContent()).toContain('Version 1');
    await harness.expectAccessible(adminPage, 'bylaws-scheduled');
    // Amending again warns that the scheduled version will not hold the new amendment.
    await adminPage.getByRole('link', { name: 'Amend the bylaws' }).click();
    await adminPage.getByRole('heading', { level: 1, name: 'Amend the bylaws' }).waitFor();
    await expect
      .poll(() => mainText(adminPage))
      .toContain(
        `Version 2 is adopted and takes over on ${from2099}. It does not hold this amendment`,
      );

    // The budget: checked line by line before the vote, with the route's own schema (what is left
    // empty reads "required"), an amount in another notation by the form.
    await visit(adminPage, `${server.url}/votes`);
    await adminPage.getByLabel('Question').fill('The 2027 budget');
    await adminPage.getByLabel('This proposal adopts a budget').check();
    await adminPage.getByRole('button', { name: 'Create the proposal' }).click();
    const line1 = adminPage.getByRole('group', { name: 'Budget line 1' });
    await line1.getByLabel('Account').and(adminPage.locator('[aria-invalid="true"]')).waitFor();
    expect(await line1.locator('.field-error').allTextContents()).toEqual([
      expect.stringContaining('required'),
      expect.stringContaining('required'),
      expect.stringContaining('required'),
      expect.stringContaining('required'),
    ]);
    await line1.getByLabel('Amount').fill('8.000,5');
    await adminPage.getByRole('button', { name: 'Create the proposal' }).click();
    await expect
      .poll(() => line1.locator('.field-error').allTextContents())
      .toContainEqual(expect.stringContaining('EUR'));
    await harness.expectAccessible(adminPage, 'budget-proposal-errors');
    await line1.getByLabel('Account').selectOption({ label: '5400 Travel (expenses:travel)' });
    await line1.getByLabel('Amount').fill('8,000');
    await fillDate(line1, 'From', '2027-01-01');
    await fillDate(line1, 'To', '2027-12-31');
    await adminPage.getByRole('button', { name: 'Add a line' }).click();
    const line2 = adminPage.getByRole('group', { name: 'Budget line 2' });
    await line2.getByLabel('Account').selectOption({ label: '5300 Events (expenses:events)' });
    await line2.getByLabel('Amount').fill('2500.00');
    await adminPage.getByRole('button', { name: 'Create the proposal' }).click();
    await adminPage.waitForURL(/\/votes\/[\w-]{36}$/);
    await settle(adminPage);
    const budget = adminPage.locator('section[aria-labelledby="budget-heading"]');
    expect(await budget.locator('tbody tr').allTextContents()).toEqual([
      expect.stringMatching(/^expenses:travel.*€8,000\.00$/),
      expect.stringMatching(/^expenses:events.*€2,500\.00$/),
    ]);
    await harness.expectAccessible(adminPage, 'budget-vote');
    await openAndVoteYes(adminPage, voters);

    // Adopted: the budget report sets each line against the books and links it to its vote.
    await visit(adminPage, `${server.url}/books/reports?from=2027-01-01&to=2027-12-31`);
    const report = adminPage.locator('section[aria-labelledby="budget-heading"]');
    await report.locator('tbody tr').first().waitFor();
    expect(await report.locator('tbody tr').count()).toBe(2);
    expect(await report.getByRole('link', { name: 'adopted by vote' }).count()).toBe(2);
    // Only another vote changes them; a line an officer enters can be taken back.
    expect(await report.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    const form = report.locator('form');
    await form.getByLabel('Account').selectOption({ label: '5500 Fees (expenses:fees)' });
    await form.getByLabel('Amount (EUR)').fill('300');
    await form.getByRole('button', { name: 'Add the budget line' }).click();
    await expect.poll(() => report.locator('tbody tr').count()).toBe(3);
    await harness.expectAccessible(adminPage, 'budget-report');
    await report.getByRole('button', { name: /^Remove the budget line of expenses:fees/ }).click();
    await expect.poll(() => report.locator('tbody tr').count()).toBe(2);
    expect(await mainText(adminPage)).toContain('The budget line of expenses:fees is removed.');
    expect(harness.pageErrors).toEqual([]);
  });
});
