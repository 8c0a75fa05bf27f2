import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { adoptBylawsVersion } from '../bylaws/commands/adoptBylawsVersion.ts';
import { decisionRules } from '../bylaws/decisionRules.ts';
import type { BylawsDocument } from '../bylaws/document.ts';
import { bylawsInForce } from '../bylaws/repository.ts';
import { systemActor } from '../platform/actor.ts';
import { manualClock } from '../platform/clock.ts';
import { runCommand } from '../platform/commands.ts';
import { queryRows } from '../platform/db/rows.ts';
import { runCli } from '../testing/serverProcess.ts';
import { parseBlt, tally } from './tally/index.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../testing/testApp.ts';

type Member = Awaited<ReturnType<typeof addMember>>;
interface Detail {
  poll: {
    status: string;
    closesAt: string;
    result: {
      passed?: boolean;
      chosen: string[];
      quorumMet: boolean;
      ballots: number;
      yesShare?: string;
      tally?: { rounds: unknown[] };
      totals: Record<string, Record<string, number>>;
    };
  };
  options: { number: number; label: string }[];
  ballots:
    | {
        receiptHash: string;
        content: unknown;
        personId: string | null;
        voterClass: string | null;
      }[]
    | null;
  votedAt: string | null;
}

// The co-op's clock stands still within a test; a poll closes at its time by moving it on. It
// never goes back: a close two hours on falls on tomorrow when the suite runs late at night, and
// what took effect that day (a term, an amendment) must stay in force afterwards.
const clock = manualClock(new Date());
const onwards = () => clock.set(new Date(Math.max(Date.now(), clock.now().getTime())));
const hourFromNow = () => new Date(clock.now().getTime() + 3600_000).toISOString();
const past = () => new Date(clock.now().getTime() - 1000).toISOString();

describe('proposals and elections', () => {
  let app: TestApp;
  let admin: TestClient;
  let hackers: Member[];
  let community: Member[];
  let sponsor: Member;
  let coopId: string;
  beforeAll(async () => {
    app = await startTestApp({}, { clock });
    admin = await setUpCoop(app);
    coopId = (await admin.get<{ coop: { id: string } }>('/api/session')).body.coop.id;
    // Polls here close after an hour, not the week the default bylaws keep them open.
    await adoptRules('Polls open for an hour', (rules) => {
      for (const kind of Object.values(rules)) kind.minimumOpenDays = 0;
    });
    const org = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'Payer Inc' }))
      .body.id;
    sponsor = await addMember(
      app,
      admin,
      {
        email: 's@payer.example',
        name: 'Sponsor Rep',
        memberClass: 'sponsor',
        organizationId: org,
      },
      '10.30.0.1',
    );
    hackers = [];
    for (const name of ['Hilda', 'Hugo'])
      hackers.push(
        await addMember(
          app,
          admin,
          { email: `${name}@example.org`, name, memberClass: 'hacker' },
          `10.30.1.${hackers.length}`,
        ),
      );
    community = [];
    for (let i = 0; i < 5; i++)
      community.push(
        await addMember(
          app,
          admin,
          { email: `c${i}@example.org`, name: `Commoner ${i}`, memberClass: 'community' },
          `10.30.2.${i}`,
        ),
      );
  });
  afterAll(() => app.stop());
  beforeEach(onwards);

  const detail = async (id: string) => (await admin.get<Detail>(`/api/polls/${id}`)).body;

  /** The co-op (as after a vote) adopts new rules for its decisions. */
  const adoptRules = async (
    summary: string,
    change: (rules: NonNullable<BylawsDocument['decisions']['questions']>) => void,
  ) => {
    const { document } = await bylawsInForce(app.database.db, coopId, clock.today());
    const questions = structuredClone(decisionRules(document));
    change(questions);
    await runCommand(
      adoptBylawsVersion,
      {
        document: { ...document, decisions: { ...document.decisions, questions } },
        summary,
        effectiveOn: clock.today(),
      },
      { db: app.database.db, actor: systemActor(coopId), publicUrl: 'http://coop.test', clock },
    );
  };

  /** Closes polls at their closing time, when the votes still to come no longer matter. */
  const closeAtTime = async (...ids: string[]) => {
    const times = await Promise.all(
      ids.map(async (id) => new Date((await detail(id)).poll.closesAt).getTime()),
    );
    clock.set(new Date(Math.max(...times) + 1000));
    const closes = await Promise.all(ids.map((id) => admin.post(`/api/polls/${id}/close`)));
    onwards();
    return closes.map((c) => c.status);
  };

  it('runs a secret yes/no proposal: receipts, changed votes, published ballots', async () => {
    const p = await admin.post<{ id: string }>('/api/proposals', {
      title: 'Adopt a code of conduct',
      method: 'yes-no',
      secret: true,
      opensAt: past(),
      closesAt: hourFromNow(),
    });
    expect(p.status).toBe(201);
    const id = p.body.id;
    expect(
      (await community[0]!.client.post(`/api/polls/${id}/votes`, { content: { choice: 'yes' } }))
        .status,
    ).toBe(409); // not open yet
    await app.drainJobs();
    const first = await community[0]!.client.post<{ receipt: string }>(`/api/polls/${id}/votes`, {
      content: { choice: 'no' },
    });
    expect(first.status).toBe(200);
    const receipt = first.body.receipt;
    expect(
      (await community[0]!.client.post(`/api/polls/${id}/votes`, { content: { choice: 'yes' } }))
        .status,
    ).toBe(409);
    expect(
      (
        await community[0]!.client.post(`/api/polls/${id}/votes`, {
          content: { choice: 'yes' },
          receipt,
        })
      ).body,
    ).toEqual({ receipt, changed: true });
    expect(
      (await community[1]!.client.post(`/api/polls/${id}/votes`, { content: { choice: 'maybe' } }))
        .status,
    ).toBe(400);
    expect(
      (await app.client().post(`/api/polls/${id}/votes`, { content: { choice: 'yes' } })).status,
    ).toBe(401);
    // Two first ballots from one member at the same instant: one counts.
    const both = await Promise.all(
      [1, 2].map(() =>
        community[1]!.client.post(`/api/polls/${id}/votes`, { content: { choice: 'yes' } }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    // Whoever reads the database (or a backup) while the poll is open, before and after a
    // vote, sees that a member voted and one more sealed ballot: not what it says, not its
    // class, and nothing the published ballots will match.
    const storedBallots = () =>
      queryRows<{
        receipt_hash: string;
        voter_class: string | null;
        content: unknown;
        sealed: Buffer;
      }>(
        app.database.db,
        sql`select receipt_hash, voter_class, content, sealed from poll_ballots where poll_id = ${id}`,
      );
    const before = await storedBallots();
    const hacked = await hackers[0]!.client.post<{ receipt: string }>(`/api/polls/${id}/votes`, {
      content: { choice: 'abstain' },
    });
    const during = await storedBallots();
    expect(during).toHaveLength(3);
    const added = during.filter((b) => !before.some((o) => o.receipt_hash === b.receipt_hash));
    expect(added).toHaveLength(1);
    for (const b of during) {
      expect(b.content).toBeNull();
      expect(b.voter_class).toBeNull();
      // Quoted as the ballot's JSON holds them: a bare "no" turns up in random ciphertext
      // about once in 300 runs (it did, in CI).
      expect(Buffer.from(b.sealed).toString('latin1')).not.toMatch(
        /"choice"|"abstain"|"yes"|"no"|community|hacker/,
      );
    }
    const fingerprint = (r: string) => createHash('sha256').update(r).digest('hex');
    expect(during.map((b) => b.receipt_hash)).not.toContain(fingerprint(hacked.body.receipt));

    // The day-before reminder goes to those who have not voted (3 community, 1 hacker, the
    // sponsor's representative and the admin).
    const { remindNonVoters } = await import('./commands/pollLifecycle.ts');
    await runCommand(
      remindNonVoters,
      { pollId: id },
      { db: app.database.db, actor: systemActor(coopId), publicUrl: 'http://coop.test' },
    );
    await app.drainJobs();
    const mails = (
      await admin.get<{ messages: { kind: string; toAddress: string }[] }>('/api/outbox')
    ).body.messages.filter((m) => m.kind === 'vote-reminder');
    expect(mails.map((m) => m.toAddress).sort()).toEqual([
      'admin@example.org',
      'c2@example.org',
      'c3@example.org',
      'c4@example.org',
      'hugo@example.org',
      's@payer.example',
    ]);

    expect(await closeAtTime(id)).toEqual([204]);
    const d = await detail(id);
    expect(d.poll.result).toMatchObject({
      ballots: 3,
      quorumMet: true,
      passed: true,
      yesShare: '1.0000',
    });
    expect(d.ballots!.every((b) => b.personId === null && b.voterClass === null)).toBe(true);
    // Not class-balanced: no class's figures are published, only the totals of all ballots.
    expect(Object.keys(d.poll.result!.totals)).toEqual(['all']);
    const mine = d.ballots!.find((b) => b.receiptHash === fingerprint(receipt));
    expect(mine!.content).toEqual({ choice: 'yes' });
    expect(
      d.ballots!.find((b) => b.receiptHash === fingerprint(hacked.body.receipt))!.content,
    ).toEqual({
      choice: 'abstain',
    });
    // Nothing published was stored while the poll was open: no hash, no row, no transaction.
    const published = await storedBallots();
    expect(published.every((b) => b.sealed === null)).toBe(true);
    expect(published.filter((b) => during.some((o) => o.receipt_hash === b.receipt_hash))).toEqual(
      [],
    );
    expect(
      (await community[2]!.client.post(`/api/polls/${id}/votes`, { content: { choice: 'yes' } }))
        .status,
    ).toBe(409);
    // What was voted is in no event.
    const events = await admin.get<{ events: { type: string; data: unknown }[] }>(
      '/api/events?type=poll.vote',
    );
    expect(events.body.events.every((e) => JSON.stringify(e.data) === '{}')).toBe(true);
  });

  it('takes simultaneous first votes and changes on a secret poll, each counted once', async () => {
    const p = await admin.post<{ id: string }>('/api/proposals', {
      title: 'Move the chat to Matrix',
      method: 'yes-no',
      secret: true,
      opensAt: past(),
      closesAt: hourFromNow(),
    });
    await app.drainJobs();
    const voteAs = (m: Member, choice: string, receipt?: string) =>
      m.client.post<{ receipt: string }>(`/api/polls/${p.body.id}/votes`, {
        content: { choice },
        ...(receipt ? { receipt } : {}),
      });
    const early = [community[0]!, community[1]!, hackers[0]!];
    const receipts: string[] = [];
    for (const m of early) receipts.push((await voteAs(m, 'no')).body.receipt);
    // Every vote rewrites the poll's ballots: without ordering they would deadlock.
    const late = [community[2]!, community[3]!, community[4]!, hackers[1]!, sponsor];
    const answers = await Promise.all([
      ...early.map((m, i) => voteAs(m, 'yes', receipts[i])),
      ...late.map((m) => voteAs(m, 'yes')),
    ]);
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(await closeAtTime(p.body.id)).toEqual([204]);
    expect((await detail(p.body.id)).poll.result).toMatchObject({
      ballots: 8,
      yesShare: '1.0000',
    });
  });

  it('adopts a bylaw amendment that reaches its two-thirds majority and quorum', async () => {
    const bylaws = (await admin.get<{ document: Record<string, unknown> }>('/api/bylaws')).body
      .document;
    const p = await admin.post<{ id: string }>('/api/proposals', {
      title: 'Give the community more of the pie',
      method: 'yes-no',
      bylawsDocument: { ...bylaws, pie: { sponsors: 30, community: 40, hackers: 30 } },
      opensAt: past(),
      closesAt: hourFromNow(),
    });
    await app.drainJobs();
    // The pie is entrenched: two thirds of the voters of each class must say yes.
    for (const m of [...community.slice(0, 4), hackers[0]!, sponsor])
      await m.client.post(`/api/polls/${p.body.id}/votes`, { content: { choice: 'yes' } });
    await community[4]!.client.post(`/api/polls/${p.body.id}/votes`, { content: { choice: 'no' } });
    expect(await closeAtTime(p.body.id)).toEqual([204]);
    expect((await detail(p.body.id)).poll.result).toMatchObject({ passed: true });
    const now = await admin.get<{ version: number; summary: string; document: { pie: unknown } }>(
      '/api/bylaws',
    );
    expect(now.body).toMatchObject({
      version: 3,
      summary: 'Adopted by vote: Give the community more of the pie',
      document: { pie: { sponsors: 30, community: 40, hackers: 30 } },
    });
  });

  it('weights classes by the bylaws in a class-balanced count', async () => {
    await adoptRules('General questions counted by class', (rules) => {
      rules.general.classBalanced = true;
    });
    const p = await admin.post<{ id: string }>('/api/proposals', {
      title: 'Balanced',
      method: 'yes-no',
      opensAt: past(),
      closesAt: hourFromNow(),
    });
    await app.drainJobs();
    for (const m of community)
      await m.client.post(`/api/polls/${p.body.id}/votes`, { content: { choice: 'no' } });
    await sponsor.client.post(`/api/polls/${p.body.id}/votes`, { content: { choice: 'yes' } });
    for (const m of hackers)
      await m.client.post(`/api/polls/${p.body.id}/votes`, { content: { choice: 'yes' } });
    expect(await closeAtTime(p.body.id)).toEqual([204]);
    // 5 no against 3 yes by head count; weighted by the pie in force (30 sponsors, 40 community,
    // 30 hackers since the amendment) yes has 0.60.
    const counted = await detail(p.body.id);
    expect(counted.poll.result).toMatchObject({ passed: true, yesShare: '0.6000' });
    // One sponsor and three hackers voted: fewer than the bylaws' minimum of 5 ballots, so only
    // the community's figures are shown beside the totals.
    expect(Object.keys(counted.poll.result.totals).sort()).toEqual(['all', 'community']);

    // Anyone counts it again from the published page, and a changed ballot is caught.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coop-count-'));
    try {
      const file = path.join(dir, 'poll.json');
      fs.writeFileSync(file, JSON.stringify(counted));
      const recount = runCli(['count-poll', file], {});
      expect(recount.stderr).toBe('');
      expect(recount.stdout).toMatch(/The same result as published, from 8 published ballots/);
      const forged = structuredClone(counted);
      forged.ballots!.find((b) => b.voterClass === 'sponsor')!.content = { choice: 'no' };
      fs.writeFileSync(file, JSON.stringify(forged));
      const caught = runCli(['count-poll', file], {});
      expect(caught.status).toBe(1);
      expect(caught.stdout).toMatch(/NOT the published result/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await adoptRules('One member, one vote again', (rules) => {
      rules.general.classBalanced = false;
    });
  });

  it('adopts an amendment by vote for a later day: the rules in force wait until then', async () => {
    const { document: bylaws, version: inForce } = (
      await admin.get<{ document: Record<string, unknown>; version: number }>('/api/bylaws')
    ).body;
    const backdated = await admin.post('/api/proposals', {
      title: 'Too late',
      method: 'yes-no',
      bylawsDocument: bylaws,
      bylawsEffectiveOn: '2001-01-01',
      opensAt: past(),
      closesAt: hourFromNow(),
    });
    expect(backdated.status).toBe(400);
    expect((backdated.body as { errors: { pointer: string }[] }).errors[0]!.pointer).toBe(
      '/body/bylawsEffectiveOn',
    );
    const p = await admin.post<{ id: string }>('/api/proposals', {
      title: 'Yearly cycles from 2099',
      method: 'yes-no',
      bylawsDocument: { ...bylaws, cycle: { lengthMonths: 12 } },
      bylawsEffectiveOn: '2099-01-01',
      opensAt: past(),
      closesAt: hourFromNow(),
    });
    await app.drainJobs();
    for (const m of [...community, ...hackers])
      await m.client.post(`/api/polls/${p.body.id}/votes`, { content: { choice: 'yes' } });
    expect(await closeAtTime(p.body.id)).toEqual([204]);
    expect((await detail(p.body.id)).poll.result).toMatchObject({ passed: true });
    const versions = await admin.get<{ versions: { version: number; effectiveOn: string }[] }>(
      '/api/bylaws/versions',
    );
    expect(versions.body.versions[0]).toMatchObject({
      version: inForce + 1,
      effectiveOn: '2099-01-01',
    });
    expect((await admin.get<{ version: number }>('/api/bylaws')).body.version).toBe(inForce);
  });

  it('adopts a budget by vote, checked against the chart of accounts before the vote', async () => {
    const line = (account: string, amount: string) => ({
      account,
      fromDay: '2027-01-01',
      toDay: '2027-12-31',
      amount,
    });
    const propose = (budget: ReturnType<typeof line>[]) =>
      admin.post<{ errors: { pointer: string; message: string }[] }>('/api/proposals', {
        title: 'Budget with mistakes',
        method: 'yes-no',
        budget,
        opensAt: past(),
        closesAt: hourFromNow(),
      });
    // An unknown account is named first; the other lines are checked once all accounts exist.
    const bad = await propose([
      line('assets:bank:operating', '1'),
      line('expenses:travel', '1.001'),
      line('expenses:nowhere', '1'),
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.pointer)).toEqual(['/body/budget/2/account']);
    const badLines = await propose([
      line('assets:bank:operating', '1'),
      line('expenses:travel', '1.001'),
    ]);
    expect(badLines.body.errors).toEqual([
      {
        pointer: '/body/budget/0/account',
        message: 'assets:bank:operating is an asset account',
        code: 'budget.account-type',
        params: { account: 'assets:bank:operating', accountType: 'asset', line: 1 },
      },
      {
        pointer: '/body/budget/1/amount',
        message: expect.stringContaining('decimal'),
        code: 'amount.decimals',
        params: { text: '1.001', currency: 'EUR', decimals: 2 },
      },
    ]);
    const budget = [
      { account: 'expenses:travel', fromDay: '2027-01-01', toDay: '2027-12-31', amount: '8000.00' },
      { account: 'expenses:events', fromDay: '2027-01-01', toDay: '2027-06-30', amount: '2500.00' },
    ];
    const vote = async (title: string, choice: string, lines = budget) => {
      const p = await admin.post<{ id: string }>('/api/proposals', {
        title,
        method: 'yes-no',
        budget: lines,
        opensAt: past(),
        closesAt: hourFromNow(),
      });
      await app.drainJobs();
      for (const m of [...community, ...hackers])
        await m.client.post(`/api/polls/${p.body.id}/votes`, { content: { choice } });
      expect(await closeAtTime(p.body.id)).toEqual([204]);
      return p.body.id;
    };
    const lines = async () =>
      (
        await admin.get<{ lines: { account: string; amountMinor: string; pollId: string }[] }>(
          '/api/reports/budget-vs-actual?from=2027-01-01&to=2027-12-31',
        )
      ).body.lines;
    await vote('A budget that fails', 'no');
    expect(await lines()).toEqual([]);
    const adopted = await vote('The 2027 budget', 'yes');
    const adoptedLine = (await lines())[0] as unknown as { id: string };
    const removal = await admin.delete<{ detail: string }>(`/api/budgets/${adoptedLine.id}`);
    expect(removal.status).toBe(409);
    expect(removal.body.detail).toContain('only another vote changes it');
    expect((await detail(adopted)).poll).toMatchObject({ result: { passed: true }, budget });
    expect(await lines()).toEqual([
      expect.objectContaining({
        account: 'expenses:events',
        amountMinor: '250000',
        pollId: adopted,
      }),
      expect.objectContaining({
        account: 'expenses:travel',
        amountMinor: '800000',
        pollId: adopted,
      }),
    ]);

    // One budget gives one answer per account and day; a revised budget replaces what it covers.
    const overlapping = await propose([
      line('expenses:fees', '100'),
      { ...line('expenses:fees', '100'), fromDay: '2027-06-01' },
    ]);
    expect(overlapping.body.errors).toEqual([
      {
        pointer: '/body/budget/1/fromDay',
        message: 'overlaps line 1, for the same account',
        code: 'budget.overlaps-line',
        params: { earlier: 1, line: 2 },
      },
    ]);
    const january = await propose([{ ...line('expenses:travel', '500.00'), toDay: '2027-01-31' }]);
    expect(january.body.errors).toEqual([
      {
        pointer: '/body/budget/0/fromDay',
        message:
          'partly overlaps the budget of 2027-01-01 to 2027-12-31: a budget replaces whole lines',
        code: 'budget.partly-overlaps',
        params: { fromDay: '2027-01-01', toDay: '2027-12-31', line: 1 },
      },
    ]);
    const revised = await vote('More travel', 'yes', [line('expenses:travel', '9000.00')]);
    expect((await lines()).map((l) => [l.account, l.amountMinor, l.pollId])).toEqual([
      ['expenses:events', '250000', adopted],
      ['expenses:travel', '900000', revised],
    ]);

    // Two budgets for the same days passed and closed at once: one wins each account, whole.
    const in2028 = (account: string, amount: string) => ({
      account,
      fromDay: '2028-01-01',
      toDay: '2028-12-31',
      amount,
    });
    const passed: string[] = [];
    for (const budget2028 of [
      [in2028('expenses:travel', '100.00'), in2028('expenses:events', '100.00')],
      [in2028('expenses:events', '200.00'), in2028('expenses:travel', '200.00')],
    ]) {
      const p = await admin.post<{ id: string }>('/api/proposals', {
        title: '2028',
        method: 'yes-no',
        budget: budget2028,
        opensAt: past(),
        closesAt: hourFromNow(),
      });
      await app.drainJobs();
      for (const m of [...community, ...hackers])
        await m.client.post(`/api/polls/${p.body.id}/votes`, { content: { choice: 'yes' } });
      passed.push(p.body.id);
    }
    expect(await closeAtTime(...passed)).toEqual([204, 204]);
    const lines2028 = (
      await admin.get<{ lines: { account: string; pollId: string }[] }>(
        '/api/reports/budget-vs-actual?from=2028-01-01&to=2028-12-31',
      )
    ).body.lines;
    expect(lines2028.map((l) => l.account)).toEqual(['expenses:events', 'expenses:travel']);
  });

  it('takes no paper ballots after the closing time, even before the close has run', async () => {
    const p = await admin.post<{ id: string }>('/api/proposals', {
      title: 'Logo',
      method: 'ranked',
      options: ['Hilda', 'Hugo'],
      opensAt: past(),
      closesAt: new Date(clock.now().getTime() + 1500).toISOString(),
    });
    await app.drainJobs();
    const blt = '2 1\n1 1 2 0\n0\n"Hilda"\n"Hugo"\n"AGM"\n';
    expect((await admin.post(`/api/polls/${p.body.id}/paper-ballots`, { blt })).status).toBe(200);
    clock.advance(1600);
    expect((await admin.post(`/api/polls/${p.body.id}/paper-ballots`, { blt })).status).toBe(409);
  });

  it('elects an officer by Schulze from accepted nominations; the winner takes office', async () => {
    // Hilda holds the office until the winner takes it: her term ends the day the new one begins.
    const held = await admin.post<{ id: string }>(
      `/api/members/${hackers[0]!.personId}/officer-terms`,
      { role: 'chief-technologist' },
    );
    expect(held.status).toBe(201);
    const e = await admin.post<{ id: string }>('/api/elections', {
      officeRole: 'chief-technologist',
      method: 'schulze',
      opensAt: hourFromNow(),
      closesAt: new Date(clock.now().getTime() + 7200_000).toISOString(),
    });
    expect(e.status).toBe(201);
    const id = e.body.id;
    await hackers[0]!.client.post(`/api/polls/${id}/nominations`, {
      personId: hackers[0]!.personId,
      statement: 'I run the servers.',
    });
    await community[0]!.client.post(`/api/polls/${id}/nominations`, {
      personId: hackers[1]!.personId,
    });
    await community[0]!.client.post(`/api/polls/${id}/nominations`, {
      personId: community[1]!.personId,
    });
    expect(
      (
        await community[0]!.client.post(`/api/polls/${id}/nominations`, {
          personId: community[1]!.personId,
        })
      ).status,
    ).toBe(409);
    await hackers[1]!.client.post(`/api/polls/${id}/nomination/answer`, { accept: true });
    await community[1]!.client.post(`/api/polls/${id}/nomination/answer`, { accept: false });
    expect((await admin.post(`/api/polls/${id}/open`)).status).toBe(204);
    const { options } = await detail(id);
    expect(options.map((o) => o.label)).toEqual(['Hilda', 'Hugo']);
    const hugo = options.find((o) => o.label === 'Hugo')!.number;
    const hilda = options.find((o) => o.label === 'Hilda')!.number;
    for (const m of community.slice(0, 3))
      await m.client.post(`/api/polls/${id}/votes`, { content: { ranking: [hugo, hilda] } });
    await community[3]!.client.post(`/api/polls/${id}/votes`, { content: { ranking: [hilda] } });
    // Two paper ballots from the general meeting, and a file naming a stranger.
    const paper = await admin.post(`/api/polls/${id}/paper-ballots`, {
      blt: '2 1\n2 2 1 0\n0\n"Hilda"\n"Hugo"\n"AGM"\n',
    });
    expect(paper.body).toEqual({ imported: 2 });
    const stranger = await admin.post(`/api/polls/${id}/paper-ballots`, {
      blt: '2 1\n1 2 0\n0\n"Hilda"\n"Mallory"\n"AGM"\n',
    });
    expect(stranger.status).toBe(400);
    const broken = await admin.post(`/api/polls/${id}/paper-ballots`, {
      blt: '2 1\n1 3 0\n0\n"Hilda"\n"Hugo"\n"AGM"\n',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.detail).toMatch(/line 2/);
    // The reader's reason as a fact beside its English, for the web to word.
    expect(broken.body).toMatchObject({
      code: 'blt.unreadable',
      params: {
        reason: broken.body.detail,
        reasonCode: 'reason.blt.unknown-candidate',
        line: 2,
        candidate: '3',
        candidates: 2,
      },
    });
    const dup = await community[4]!.client.post(`/api/polls/${id}/votes`, {
      content: { ranking: [hugo, hugo] },
    });
    expect(dup.status, JSON.stringify(dup.body)).toBe(400);
    expect(dup.body.errors).toEqual([
      {
        pointer: '/content/ranking',
        message: 'an option is ranked twice',
        code: 'ballot.ranked-twice',
        params: {},
      },
    ]);
    expect(await closeAtTime(id)).toEqual([204]);
    const d = await detail(id);
    expect(d.poll.result.chosen).toEqual(['Hugo']);
    expect(d.poll.result.ballots).toBe(6);
    // The term begins the day the poll closed, which is tomorrow when the suite runs late at night.
    const closedAt = new Date(new Date(d.poll.closesAt).getTime() + 1000);
    clock.set(closedAt);
    const profile = await admin.get<{ offices: { role: string; current: boolean }[] }>(
      `/api/members/${hackers[1]!.personId}`,
    );
    clock.set(new Date());
    expect(profile.body.offices).toEqual([
      expect.objectContaining({
        role: 'chief-technologist',
        current: true,
        startsOn: closedAt.toISOString().slice(0, 10),
      }),
    ]);
    // The office changed hands through the members domain, which logged both sides of it.
    const officerEvents = await queryRows<{
      type: string;
      subject_id: string;
      actor_id: string | null;
      data: Record<string, unknown>;
    }>(
      app.database.db,
      sql`select type, subject_id, actor_id, data from events
          where (type = 'officer.term-ended' and subject_id = ${hackers[0]!.personId})
             or (type = 'officer.appointed' and data->>'pollId' = ${id})
          order by seq`,
    );
    const startsOn = (officerEvents[1]?.data as { startsOn?: string } | undefined)?.startsOn;
    expect(officerEvents).toEqual([
      {
        type: 'officer.term-ended',
        subject_id: hackers[0]!.personId,
        actor_id: null,
        data: {
          role: 'chief-technologist',
          termId: held.body.id,
          endedOn: startsOn,
          pollId: id,
        },
      },
      {
        type: 'officer.appointed',
        subject_id: hackers[1]!.personId,
        actor_id: null,
        data: expect.objectContaining({
          role: 'chief-technologist',
          startsOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          pollId: id,
        }),
      },
    ]);
    const formerHolder = await admin.get<{ offices: { role: string; current: boolean }[] }>(
      `/api/members/${hackers[0]!.personId}`,
    );
    expect(formerHolder.body.offices).toEqual([
      expect.objectContaining({ role: 'chief-technologist', current: false }),
    ]);

    // Anyone can count again from the published ballots.
    const blt = await community[0]!.client.get<string>(`/api/polls/${id}/ballots.blt`);
    const election = parseBlt(blt.body);
    expect(tally(election, { method: 'schulze', seats: 1 }).elected).toEqual(['Hugo']);
  });
});
