import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  admin,
  ApiClient,
  BrowserHarness,
  confirmAction,
  ensureCoop,
  mainText,
  settle,
  visit,
  type RunningServer,
} from './helpers.ts';
import { generateKey } from '../../src/transparency/core/keys.ts';
import { checkProofBundle } from '../../src/transparency/proofBundle.ts';

const logKey = generateKey('coop.e2e');
const harness = new BrowserHarness('governance', { COOP_LOG_SIGNING_KEY: logKey.skey });
let server: RunningServer;

beforeAll(async () => {
  await harness.start();
  server = harness.server;
});

afterAll(() => harness.stop());

const pageErrors = harness.pageErrors;
const pageFor = (email: string, password: string) => harness.pageFor(email, password);
const expectAccessible = (page: Page, where: string) => harness.expectAccessible(page, where);

const password = 'governance-e2e-2026';

describe('governance in the browser', () => {
  it('runs a cycle to a published plan with its pie chart, and an election with its round-by-round count', async () => {
    // Arrange through the API: a sponsor organization with funding, a sponsor representative,
    // two community members and a second hacker.
    const api = await ensureCoop(server.url);
    const me = await api.request<{ user: { personId: string } }>('GET', '/api/session');
    const adminId = me.user.personId;
    const org = await api.request<{ id: string }>('POST', '/api/organizations', {
      legalName: 'Nordwind Cloud GmbH',
      displayName: 'Nordwind Cloud',
      kind: 'company',
      memberClass: 'sponsor',
    });
    const sam = { email: 'sam@nordwind.example', name: 'Sam Sponsor' };
    const cora = { email: 'cora@community.example', name: 'Cora Community' };
    const dev = { email: 'dev@community.example', name: 'Dev Community' };
    const hana = { email: 'hana@hackers.example', name: 'Hana Hacker' };
    await addMember(api, {
      email: sam.email,
      displayName: sam.name,
      memberClass: 'sponsor',
      organizationId: org.id,
      password,
    });
    const coraId = (
      await addMember(api, {
        email: cora.email,
        displayName: cora.name,
        memberClass: 'community',
        password,
      })
    ).personId;
    await addMember(api, {
      email: dev.email,
      displayName: dev.name,
      memberClass: 'community',
      password,
    });
    const hanaId = (
      await addMember(api, {
        email: hana.email,
        displayName: hana.name,
        memberClass: 'hacker',
        password,
      })
    ).personId;
    await api.request('POST', '/api/funding', {
      organizationId: org.id,
      receivedOn: new Date().toISOString().slice(0, 10),
      amountMinor: '1200000',
      labourHours: 0,
    });

    const adminPage = await pageFor(admin.email, admin.password);
    const samPage = await pageFor(sam.email, password);
    const coraPage = await pageFor(cora.email, password);
    const hanaPage = await pageFor(hana.email, password);

    // The administrator opens a cycle with a ranked community survey.
    const nav = adminPage.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Cycles' }).click();
    await adminPage.getByRole('heading', { level: 1, name: 'Cycles' }).waitFor();
    await settle(adminPage);
    await expectAccessible(adminPage, 'cycles');
    await adminPage.getByLabel('Title').fill('Spring 2027');
    await adminPage.getByLabel('Community survey').selectOption('ranked');
    await adminPage.getByRole('button', { name: 'Open the cycle' }).click();
    await adminPage.getByRole('heading', { level: 1, name: 'Spring 2027' }).waitFor();
    await settle(adminPage);
    const cycleUrl = adminPage.url();
    expect(cycleUrl).toMatch(/\/cycles\/[\w-]{36}$/);
    expect(await adminPage.locator('[aria-current="step"]').textContent()).toContain('Proposing');

    // Each class proposes for its own slice.
    const propose = async (page: Page, title: string, estimate: number) => {
      await page.getByLabel('Title').fill(title);
      await page.getByLabel('Estimate (hours)').fill(String(estimate));
      await page.getByRole('button', { name: 'Propose the item' }).click();
      await expect
        .poll(() => page.getByRole('status').allTextContents())
        .toContainEqual(expect.stringContaining(`“${title}” is proposed`));
    };
    await visit(samPage, cycleUrl);
    await expect
      .poll(() => samPage.locator('#propose-heading').textContent())
      .toBe('Propose an item for the Sponsors slice');
    // An empty proposal: the server's errors are shown beside their fields.
    await samPage.getByRole('button', { name: 'Propose the item' }).click();
    await samPage.locator('.form-problem').waitFor();
    expect(await samPage.locator('.field-error').allTextContents()).toEqual([
      expect.stringContaining('at least 3 characters'),
      expect.stringContaining('required'),
    ]);
    expect(await samPage.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(samPage, 'cycle-propose-errors');
    await propose(samPage, 'Faster CI builds', 20);
    await propose(samPage, 'ARM support', 200);
    await visit(coraPage, cycleUrl);
    await propose(coraPage, 'Better documentation', 30);
    await propose(coraPage, 'Translations', 50);
    await visit(hanaPage, cycleUrl);
    await propose(hanaPage, 'Refactor the core', 40);

    // Hackers give their hours; Hana declares her hacker-slice work.
    await hanaPage.getByLabel('Your hours', { exact: true }).fill('60');
    await hanaPage.getByRole('button', { name: 'Save hours' }).click();
    await expect.poll(() => mainText(hanaPage)).toContain('Your hours are saved: 60 hours.');
    await hanaPage.getByLabel('Hours on Refactor the core').fill('40');
    await hanaPage.getByRole('button', { name: 'Save my declaration' }).click();
    await expect.poll(() => mainText(hanaPage)).toContain('Your declaration is saved');
    await visit(adminPage, cycleUrl);
    await adminPage.getByLabel('Your hours', { exact: true }).fill('100');
    await adminPage.getByRole('button', { name: 'Save hours' }).click();
    await expect
      .poll(() => adminPage.locator('.hours-table tfoot').textContent())
      .toContain('160 h');
    await expectAccessible(adminPage, 'cycle-proposing');

    // Voting opens.
    await confirmAction(adminPage, 'Move to next phase: Voting', 'Move to voting');
    await expect
      .poll(() => adminPage.locator('[aria-current="step"]').textContent())
      .toContain('Voting');

    // The sponsor spreads 100 points, watching the running total.
    await visit(samPage, cycleUrl);
    await samPage.getByLabel('Points for Faster CI builds').fill('70');
    await samPage.getByLabel('Points for ARM support').fill('40');
    await expect.poll(() => samPage.locator('.share-sum').textContent()).toContain('10 too many');
    await samPage.getByRole('button', { name: 'Save my points' }).click();
    await expect
      .poll(() => samPage.locator('.vote-panel .field-error').textContent())
      .toContain('spread at most 100 points');
    expect(await samPage.getByLabel('Points for ARM support').getAttribute('aria-invalid')).toBe(
      'true',
    );
    await samPage.getByLabel('Points for ARM support').fill('30');
    await expect
      .poll(() => samPage.locator('.share-sum').textContent())
      .toContain('100 of 100 points (0 left)');
    await samPage.getByRole('button', { name: 'Save my points' }).click();
    await expect.poll(() => mainText(samPage)).toContain('Your points are saved: 100 of 100');
    await expectAccessible(samPage, 'cycle-sponsor-points');

    // The community member ranks with the keyboard: add both, then move Translations up. An
    // empty ranking is refused beside the ranking before it is sent, in the survey's words.
    await visit(coraPage, cycleUrl);
    await coraPage.getByRole('button', { name: 'Send my answer' }).click();
    await expect
      .poll(() => coraPage.locator('.vote-panel .field-error').textContent())
      .toContain('Rank at least one item.');
    await coraPage
      .getByRole('button', { name: 'Add Better documentation (30 h) to the ranking' })
      .click();
    await coraPage.getByRole('button', { name: 'Add Translations (50 h) to the ranking' }).click();
    const up = coraPage.getByRole('button', { name: 'Move Translations (50 h) up' });
    await up.focus();
    await coraPage.keyboard.press('Enter');
    await expect
      .poll(() => coraPage.locator('.rank-list').first().locator('.rank-label').allTextContents())
      .toEqual(['Translations (50 h)', 'Better documentation (30 h)']);
    // The focus stays on the pressed button, now in its new place.
    expect(await coraPage.evaluate(() => document.activeElement?.textContent ?? '')).toContain(
      'Move Translations (50 h) up',
    );
    await coraPage.getByRole('button', { name: 'Send my answer' }).click();
    await expect.poll(() => mainText(coraPage)).toContain('Your survey answer is saved');
    await expectAccessible(coraPage, 'cycle-community-survey');

    await visit(hanaPage, cycleUrl);
    await expectAccessible(hanaPage, 'cycle-hacker-declarations');

    // Voting closes: the plan is published.
    await visit(adminPage, cycleUrl);
    await expect.poll(() => mainText(adminPage)).toContain('1 sponsor spread their points');
    expect(
      await confirmAction(adminPage, 'Move to next phase: Planned', 'Move to planned'),
    ).toMatch(/Voting closes with what has been cast \(1 sponsor, .*cannot be recomputed/);
    await adminPage.locator('.pie-chart svg .pie-slice').first().waitFor();
    expect(await adminPage.locator('.pie-chart svg .pie-slice').count()).toBe(3);
    expect(await adminPage.locator('.pie-chart svg').getAttribute('role')).toBe('img');
    const sliceHours = await adminPage.locator('.pie-table tbody tr').allTextContents();
    expect(sliceHours).toEqual([
      expect.stringMatching(/Sponsors\s*40%\s*64 h\s*64 h/),
      expect.stringMatching(/Community\s*30%\s*48 h\s*48 h/),
      expect.stringMatching(/Hackers\s*30%\s*48 h\s*18 h/),
    ]);
    const sponsorRows = adminPage.locator('section[aria-labelledby="plan-sponsors"] tbody tr');
    await expect.poll(() => sponsorRows.first().textContent()).toMatch(/ARM support.*44 h/);
    await expect
      .poll(() => sponsorRows.nth(1).textContent())
      .toMatch(/Faster CI builds.*20 h.*capped/);
    await adminPage.getByText('Show the arithmetic').click();
    const arithmetic = (await adminPage.locator('.arithmetic').textContent()) ?? '';
    expect(arithmetic).toContain('Alex Admin 100 + Hana Hacker 60 = 160 h');
    expect(arithmetic).toContain('160 × 40% = 64.00');
    expect(arithmetic).toContain('Rounding by largest remainder');
    expect(arithmetic).toMatch(/Round 1:\s*64 h to share/);
    expect(arithmetic).toMatch(/Faster CI builds\s*44\.80 h\s*20 h/);
    expect(arithmetic).toMatch(/Round 2:\s*44 h to share/);
    await expectAccessible(adminPage, 'cycle-plan');

    // Hana takes her planned hours.
    await visit(hanaPage, cycleUrl);
    await hanaPage
      .getByLabel('Item', { exact: true })
      .selectOption({ label: 'Refactor the core (18 of 18 h free)' });
    await hanaPage.getByRole('button', { name: 'Take the hours' }).click();
    await expect
      .poll(() => hanaPage.locator('section[aria-labelledby="plan-hackers"]').textContent())
      .toContain('Hana Hacker: 18 h');

    // An officer (here the administrator) assigns a planned item's hours to hackers, and
    // releases them; a hacker sees who holds what, without these controls.
    expect(await hanaPage.getByRole('button', { name: /^(Assign hours|Release)/ }).count()).toBe(0);
    await visit(adminPage, cycleUrl);
    const armRow = adminPage
      .locator('section[aria-labelledby="plan-sponsors"] tbody tr', { hasText: 'ARM support' })
      .first();
    const assignArm = adminPage.getByRole('button', { name: 'Assign hours of ARM support' });
    await assignArm.click();
    expect(await assignArm.getAttribute('aria-expanded')).toBe('true');
    const armForm = adminPage.getByRole('group', { name: 'Assign hours of “ARM support”' });
    await expect
      .poll(() => adminPage.evaluate(() => document.activeElement?.tagName))
      .toBe('SELECT');
    const assignButton = armForm.getByRole('button', { name: 'Assign', exact: true });
    // Nothing chosen: each error beside its field.
    await assignButton.click();
    await expect
      .poll(() => armForm.locator('.field-error').allTextContents())
      .toEqual([
        expect.stringContaining('choose a hacker'),
        // The route's own schema words an empty number box, before sending as after.
        expect.stringContaining('required'),
      ]);
    expect(await armForm.getByLabel('Hacker').getAttribute('aria-invalid')).toBe('true');
    // Choosing a hacker offers what is free of both the item and the hacker's time.
    await armForm.getByLabel('Hacker').selectOption({ label: 'Hana Hacker (42 of 60 h free)' });
    const armHours = armForm.getByLabel('Hours', { exact: true });
    expect(await armHours.inputValue()).toBe('42');
    // The server's problem+json: its field error is shown beside the field.
    await armHours.fill('-3');
    await assignButton.click();
    await expect
      .poll(() => armForm.locator('.field-error').allTextContents())
      .toEqual([expect.stringContaining('at least 0')]);
    expect(await armHours.getAttribute('aria-invalid')).toBe('true');
    expect(await armForm.locator('.form-problem').textContent()).toContain(
      'Please correct the field marked below.',
    );
    await expectAccessible(adminPage, 'cycle-plan-assign-errors');
    await armHours.fill('50');
    await assignButton.click();
    await expect
      .poll(() => armForm.locator('.field-error').allTextContents())
      .toEqual([expect.stringContaining('only 44 h of the item are free')]);
    await armHours.fill('30');
    await assignButton.click();
    await expect.poll(() => armRow.textContent()).toMatch(/Hana Hacker: 30 h.*14 h free/);
    expect(await mainText(adminPage)).toContain('Hana Hacker now holds 30 h of “ARM support”.');
    // The form closes and the focus goes back to the item's button.
    expect(await adminPage.evaluate(() => document.activeElement?.textContent)).toBe(
      'Assign hours of ARM support',
    );
    expect(await assignArm.getAttribute('aria-expanded')).toBe('false');
    // The administrator, a hacker too, takes the rest, and is released again.
    await assignArm.click();
    await armForm.getByLabel('Hacker').selectOption({ label: 'Alex Admin (100 of 100 h free)' });
    expect(await armHours.inputValue()).toBe('14');
    await assignButton.click();
    await expect.poll(() => armRow.textContent()).toContain('Alex Admin: 14 h');
    expect(await armRow.textContent()).not.toContain('free');
    await expectAccessible(adminPage, 'cycle-plan-assigned');
    await adminPage
      .getByRole('button', { name: 'Release Alex Admin’s 14 h of ARM support' })
      .click();
    await expect.poll(() => armRow.textContent()).toMatch(/Hana Hacker: 30 h.*14 h free/);
    expect(await armRow.textContent()).not.toContain('Alex Admin');
    expect(await mainText(adminPage)).toContain('Alex Admin’s 14 h of “ARM support” are released.');
    // Hana sees the hours she was given.
    await visit(hanaPage, cycleUrl);
    expect(
      await hanaPage.locator('section[aria-labelledby="plan-sponsors"]').textContent(),
    ).toContain('Hana Hacker: 30 h');

    // An election: called, nominated, accepted, opened, voted, closed and counted.
    await adminPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Votes' })
      .click();
    await adminPage.getByRole('heading', { level: 1, name: 'Votes' }).waitFor();
    await settle(adminPage);
    await expectAccessible(adminPage, 'votes');
    const electionForm = adminPage.locator('section[aria-labelledby="election-heading"]');
    await electionForm.getByLabel('Office').selectOption('chief-technologist');
    await electionForm.getByLabel('Counting method').selectOption('scottish-stv');
    await electionForm.getByRole('button', { name: 'Call the election' }).click();
    await adminPage
      .getByRole('heading', { level: 1, name: 'Election: Chief Technologist' })
      .waitFor();
    await settle(adminPage);
    const pollUrl = adminPage.url();
    for (const personId of [hanaId, adminId, coraId]) {
      await adminPage.getByLabel('Member', { exact: true }).selectOption(personId);
      await adminPage.getByRole('button', { name: 'Nominate', exact: true }).click();
      await expect
        .poll(() => adminPage.locator('.nomination-list li').count())
        .toBe([hanaId, adminId, coraId].indexOf(personId) + 1);
    }
    await expectAccessible(adminPage, 'election-nominating');
    for (const page of [hanaPage, coraPage]) {
      await visit(page, pollUrl);
      await page.getByRole('button', { name: 'Accept the nomination' }).click();
      await expect.poll(() => mainText(page)).toContain('You accepted the nomination');
    }
    await visit(adminPage, pollUrl);
    await confirmAction(adminPage, 'Open the ballot now', 'Open the ballot');
    await adminPage.locator('#vote-heading').waitFor();
    const pollId = pollUrl.split('/').pop()!;
    const options = await api.request<{ options: { number: number; label: string }[] }>(
      'GET',
      `/api/polls/${pollId}`,
    );
    const number = (name: string) => options.options.find((o) => o.label === name)!.number;

    // Two members vote in the browser...
    const rankAndCast = async (page: Page, names: string[]) => {
      await visit(page, pollUrl);
      // Nothing ranked: the vote command's own check says so beside the ranking, before sending.
      await page.getByRole('button', { name: 'Cast my vote' }).click();
      await expect
        .poll(() => page.locator('.vote-panel .field-error').textContent())
        .toContain('Rank at least one option.');
      for (const name of names)
        await page.getByRole('button', { name: `Add ${name} to the ranking` }).click();
      await page.getByRole('button', { name: 'Cast my vote' }).click();
      await page.locator('.receipt').waitFor();
    };
    await rankAndCast(samPage, [hana.name, admin.name]);
    await rankAndCast(coraPage, [cora.name, hana.name]);
    expect(await coraPage.locator('.receipt').textContent()).toContain(
      'Keep it to change your vote or to find your ballot in the published list.',
    );
    const receipt = await coraPage.getByLabel('Your receipt', { exact: true }).inputValue();
    expect(receipt.length).toBeGreaterThan(20);
    await expectAccessible(coraPage, 'election-voted');
    // ...and Cora changes hers with the receipt (a secret ballot).
    await coraPage.getByRole('button', { name: 'Change my vote' }).click();
    await expect
      .poll(() => coraPage.locator('#receipt-heading').textContent())
      .toContain('Your vote is changed');
    // The others vote through the API, so that the count takes two rounds.
    await api.request('POST', `/api/polls/${pollId}/votes`, {
      content: { ranking: [number(admin.name), number(hana.name)] },
    });
    for (const [who, ranking] of [
      [hana, [number(hana.name)]],
      [dev, [number(cora.name)]],
    ] as const) {
      const client = new ApiClient(server.url);
      await client.signIn(who.email, password);
      await client.request('GET', '/api/session');
      await client.request('POST', `/api/polls/${pollId}/votes`, { content: { ranking } });
    }

    await visit(adminPage, pollUrl);
    await confirmAction(adminPage, 'Close and count now', 'Close and count the vote');
    await adminPage.locator('#result-heading').waitFor();
    expect(await adminPage.locator('.outcome').textContent()).toBe('Elected: Hana Hacker.');
    const rounds = adminPage.locator('table.round-table').first();
    const headers = await rounds.locator('thead th').allTextContents();
    expect(headers).toEqual([
      'Candidate',
      expect.stringContaining('Round 1'),
      expect.stringMatching(/Round 2.*Alex Admin excluded/),
    ]);
    const hanaRow = (await rounds.locator('tbody tr', { hasText: hana.name }).textContent()) ?? '';
    expect(hanaRow).toMatch(/2.*3.*\+1.*Elected/);
    const adminRow =
      (await rounds.locator('tbody tr', { hasText: admin.name }).textContent()) ?? '';
    expect(adminRow).toContain('Excluded');
    expect(await rounds.locator('tfoot').textContent()).toMatch(/Quota\s*3\s*3/);
    expect(
      await adminPage
        .getByRole('link', { name: 'Download the ballots as a BLT file' })
        .getAttribute('href'),
    ).toBe(`/api/polls/${pollId}/ballots.blt`);
    await expectAccessible(adminPage, 'election-closed');

    // Cora finds her ballot by the receipt's fingerprint, computed in the browser.
    await visit(coraPage, pollUrl);
    await coraPage.getByLabel('Find my ballot').fill(receipt);
    await coraPage.getByRole('button', { name: 'Find', exact: true }).click();
    await coraPage.locator('tr.ballot-mine').waitFor();
    expect(await coraPage.locator('tr.ballot-mine').textContent()).toMatch(
      /Your ballot.*Cora Community.*Hana Hacker/,
    );
    // A secret election that is not class-balanced publishes no voter's class.
    expect(await coraPage.locator('.ballot-table th', { hasText: 'Class' }).count()).toBe(0);
    await expectAccessible(coraPage, 'election-ballot-found');

    // The tally's proof, downloaded from the poll page, carries the published ballots: they
    // check offline against the log's key, hash to the logged commitment and count to the result.
    await expect
      .poll(
        async () => {
          await coraPage.reload();
          await settle(coraPage);
          return (await coraPage.locator('.in-log').textContent()) ?? '';
        },
        { timeout: 60_000 },
      )
      .toMatch(/Download the proof$/);
    const proofHref = await coraPage
      .getByRole('link', { name: 'Download the proof' })
      .getAttribute('href');
    const proof = await coraPage.request.get(`${server.url}${proofHref}`);
    expect(proof.status()).toBe(200);
    const bundle = (await proof.json()) as { ballots?: unknown[] };
    const page = (await (
      await coraPage.request.get(`${server.url}/api/polls/${pollId}`)
    ).json()) as {
      ballots: unknown[];
    };
    expect(bundle.ballots).toEqual(page.ballots);
    const checked = checkProofBundle(bundle, logKey.vkey);
    expect(checked.valid ? checked.output : checked.reason).toMatch(
      /ballots: \d+ published ballot\(s\) hash to [0-9a-f]{64}.*\nrecount: counted again by .*chosen: Hana Hacker, the outcome logged/,
    );

    // A hacker who has left still shows among the cycle's hours: the server refuses to give
    // her more, and the form says why beside the field.
    await api.request('POST', `/api/members/${hanaId}/status`, {
      status: 'left',
      reason: 'Moved on to other work',
    });
    await visit(adminPage, cycleUrl);
    await adminPage.getByRole('button', { name: 'Assign hours of Translations' }).click();
    const translationsForm = adminPage.getByRole('group', {
      name: 'Assign hours of “Translations”',
    });
    await translationsForm
      .getByLabel('Hacker')
      .selectOption({ label: 'Hana Hacker (12 of 60 h free)' });
    await translationsForm.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect
      .poll(() => translationsForm.locator('.field-error').allTextContents())
      .toEqual([expect.stringContaining('Planned work goes to active hackers.')]);
    expect(await translationsForm.getByLabel('Hacker').getAttribute('aria-invalid')).toBe('true');

    expect(pageErrors).toEqual([]);
  });
});
