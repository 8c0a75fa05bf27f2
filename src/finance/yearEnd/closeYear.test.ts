import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCoop } from '../../coop/queries.ts';
import { manualClock } from '../../platform/clock.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../../testing/testApp.ts';
import { checkProofBundle, type ProofBundle } from '../../transparency/proofBundle.ts';
import { generateKey } from '../../transparency/core/keys.ts';
import { loggedEventOf } from '../../transparency/queries.ts';
import { verifyBalances } from '../queries.ts';

const hasPdfToText = spawnSync('which', ['pdftotext']).status === 0;

interface Close {
  dryRun: boolean;
  plan: {
    surplusMinor: string;
    hackers: { id: string; amountMinor: string; cashMinor: string; retainedMinor: string }[];
    sponsors: { id: string; amountMinor: string }[];
    communityFund: string;
    reserves: { amountMinor: string }[];
    steps: string[];
  };
  entries: { number: number }[];
  bylaws: { version: number; effectiveOn: string };
}

describe('closing the fiscal year', () => {
  let app: TestApp;
  let admin: TestClient;
  let adminId: string;
  let hacker: Awaited<ReturnType<typeof addMember>>;
  let acme: string;
  let globex: string;
  const tb = async () =>
    (
      await admin.get<{ accounts: { account: string; currency: string; balance_minor: number }[] }>(
        '/api/reports/trial-balance?at=2026-12-31',
      )
    ).body.accounts;

  // The treasurer closes 2026 in February 2027, whatever day the suite runs on.
  const today = '2027-02-15';
  const clock = manualClock(`${today}T09:00:00Z`);
  const logKey = generateKey('coop.test');

  beforeAll(async () => {
    app = await startTestApp({ COOP_LOG_SIGNING_KEY: logKey.skey }, { clock });
    admin = await setUpCoop(app);
    adminId = (await admin.get<{ user: { personId: string } }>('/api/session')).body.user.personId;
    hacker = await addMember(app, admin, {
      email: 'h@example.org',
      name: 'Hedda',
      memberClass: 'hacker',
    });
    // The administrator reads the co-op in German: their notice comes in German.
    await admin.patch(`/api/members/${adminId}`, { locale: 'de' });
    acme = (
      await admin.post<{ id: string }>('/api/organizations', {
        legalName: 'Acme',
        billingEmail: 'ap@acme.example',
        // Acme's papers are German: so is its dividend notice.
        locale: 'de',
      })
    ).body.id;
    globex = (await admin.post<{ id: string }>('/api/organizations', { legalName: 'Globex' })).body
      .id;
    await admin.post('/api/ledger/sponsor-payments', {
      organizationId: acme,
      receivedOn: '2026-02-01',
      amount: '60000.00',
    });
    await admin.post('/api/ledger/sponsor-payments', {
      organizationId: globex,
      receivedOn: '2026-05-01',
      amount: '20000.00',
    });
    await admin.post('/api/ledger/entries', {
      effectiveOn: '2026-06-30',
      description: 'Servers',
      postings: [
        { account: 'expenses:infrastructure', amount: '5000.00' },
        { account: 'assets:bank:operating', amount: '-5000.00' },
      ],
    });
    await admin.post('/api/ledger/entries', {
      effectiveOn: '2026-09-30',
      description: 'Salaries',
      postings: [
        { account: 'expenses:salaries', amount: '55000.00' },
        { account: 'assets:bank:operating', amount: '-55000.00' },
      ],
    });
    const item = (
      await admin.post<{ id: string }>('/api/work-items', {
        title: 'Maintenance',
        kind: 'bug',
        originClass: 'hackers',
        estimateHours: 2000,
      })
    ).body.id;
    await admin.post('/api/time-entries', { workItemId: item, workedOn: '2026-03-02', hours: 20 });
    await hacker.client.post('/api/time-entries', {
      workItemId: item,
      workedOn: '2026-03-03',
      hours: 10,
    });
  });
  afterAll(() => app.stop());

  it('shows the whole split in a dry run, posting nothing', async () => {
    // An amendment for a later year, adopted before the close, does not count this one.
    const bylaws = await admin.get<{ version: number; document: { dividends: object } }>(
      '/api/bylaws',
    );
    const amended = await admin.post('/api/bylaws', {
      summary: 'All dividends in cash from 2027',
      document: {
        ...bylaws.body.document,
        dividends: {
          ...bylaws.body.document.dividends,
          cashPercent: { hackers: 100, sponsors: 100 },
        },
      },
    });
    expect(amended.status).toBe(201);
    const dry = await admin.post<Close>('/api/ledger/year-end', { fiscalYear: 2026, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body.bylaws.version).not.toBe((amended.body as { version: number }).version);
    // A year long past is counted by the bylaws of its time, not by those in force today: here
    // the founding bylaws, which govern every day before any version took effect.
    const reworded = await admin.post<{ version: number }>('/api/bylaws', {
      summary: 'Reworded, same rules',
      document: bylaws.body.document,
    });
    expect((await admin.get<{ version: number }>('/api/bylaws')).body.version).toBe(
      reworded.body.version,
    );
    const past = await admin.post<Close>('/api/ledger/year-end', {
      fiscalYear: 2020,
      dryRun: true,
    });
    expect(past.body.bylaws.version).toBe(1);
    // Surplus 80,000 - 60,000 = 20,000.00; reserve 10% = 2,000; 18,000 split 50/30/20.
    expect(dry.body.plan.surplusMinor).toBe('2000000');
    expect(dry.body.plan.reserves[0]!.amountMinor).toBe('200000');
    expect(
      Object.fromEntries(
        dry.body.plan.hackers.map((h) => [h.id, [h.amountMinor, h.cashMinor, h.retainedMinor]]),
      ),
    ).toEqual({
      [adminId]: ['600000', '300000', '300000'],
      [hacker.personId]: ['300000', '150000', '150000'],
    });
    expect(Object.fromEntries(dry.body.plan.sponsors.map((s) => [s.id, s.amountMinor]))).toEqual({
      [acme]: '405000',
      [globex]: '135000',
    });
    expect(dry.body.plan.communityFund).toBe('360000');
    expect(dry.body.entries).toEqual([]);
    expect((await tb()).find((l) => l.account === 'equity:retained-surplus')).toBeUndefined();
  });

  it('closes the year: income and expenses zeroed, dividends booked to the cent, the year locked, notices sent', async () => {
    const future = await admin.post<{ errors: { pointer: string }[] }>('/api/ledger/year-end', {
      fiscalYear: 2999,
    });
    expect(future.status).toBe(400);
    expect(future.body.errors.map((e) => e.pointer)).toEqual(['/fiscalYear']);
    // Only years the co-op kept books in can close: 2020 came before its first entry.
    const before = await admin.post<{ detail: string }>('/api/ledger/year-end', {
      fiscalYear: 2020,
    });
    expect(before.status).toBe(400);
    expect(before.body.detail).toMatch(
      /before the co-op kept its books \(its first year is 2026\)/,
    );
    const standing = async () =>
      (await admin.get<{ years: { fiscalYear: number; status: string }[] }>('/api/ledger/year-end'))
        .body.years;
    expect((await standing()).map((y) => [y.fiscalYear, y.status])).toEqual([
      [2027, 'current'],
      [2026, 'ended'],
    ]);
    expect((await hacker.client.get('/api/ledger/year-end')).status).toBe(403);
    const close = await admin.post<Close>('/api/ledger/year-end', { fiscalYear: 2026 });
    expect(close.status).toBe(200);
    expect((await standing()).map((y) => y.status)).toEqual(['current', 'closed']);
    expect(close.body.entries).toHaveLength(2);
    // Its entries keep their English and say it again as facts, for the reader's language.
    const written = await admin.get<{
      entries: { kind: string; description: string; description_fact: unknown }[];
    }>('/api/ledger/entries?account=equity:retained-surplus');
    expect(written.body.entries.map((e) => [e.kind, e.description, e.description_fact])).toEqual([
      [
        'dividend',
        'Fiscal year 2026: reserves and dividends',
        { code: 'year-end-dividends', params: { fiscalYear: 2026 } },
      ],
      [
        'year-end-close',
        'Close fiscal year 2026: income and expenses to the retained surplus',
        { code: 'year-end-close', params: { fiscalYear: 2026 } },
      ],
    ]);
    const lines = await tb();
    expect(
      lines.filter((l) => l.account.startsWith('income') || l.account.startsWith('expenses')),
    ).toEqual([]);
    const balance = (account: string) => lines.find((l) => l.account === account)?.balance_minor;
    expect(balance('equity:retained-surplus')).toBeUndefined();
    expect(balance('equity:reserves:statutory-reserve')).toBe(-200000);
    expect(balance('liabilities:patronage-payable')).toBe(-(300000 + 150000 + 405000 + 135000));
    expect(balance('equity:community-fund')).toBe(-360000);
    const capital = lines
      .filter((l) => l.account.startsWith('equity:member-capital:'))
      .reduce((s, l) => s + l.balance_minor, 0);
    expect(capital).toBe(-450000);
    expect(await verifyBalances(app.database.db, (await findCoop(app.database.db))!.id)).toEqual(
      [],
    );

    // The income statement of the closed year still shows the year, not the closing.
    const statement = await admin.get<{ totals: Record<string, string> }>(
      '/api/reports/income-statement?from=2026-01-01&to=2026-12-31',
    );
    expect(statement.body.totals).toEqual({
      income: '8000000',
      expenses: '6000000',
      surplus: '2000000',
    });
    const late = await admin.post('/api/ledger/entries', {
      effectiveOn: '2026-12-15',
      description: 'Late',
      postings: [
        { account: '5500', amount: '1' },
        { account: '1110', amount: '-1' },
      ],
    });
    expect(late.status).toBe(409);
    expect((await admin.post('/api/ledger/year-end', { fiscalYear: 2026 })).status).toBe(409);
    const [first] = close.body.entries as unknown as { id: string }[];
    // Dated in the open year after, only the kind of entry stops the reversal.
    const undo = await admin.post<{ detail: string }>(`/api/ledger/entries/${first!.id}/reverse`, {
      reason: 'Change of mind',
      effectiveOn: '2027-01-05',
    });
    expect(undo.status).toBe(409);
    expect(undo.body.detail).toContain('stand together');

    // The closed year was counted by its rules: no amendment takes effect inside it. Today
    // that day is simply past; on the year's last day, closed early, it is the close that
    // refuses it.
    const document = (await admin.get<{ document: unknown }>('/api/bylaws')).body.document;
    const retroactive = { summary: 'Retroactive', effectiveOn: '2026-12-31', document };
    const past = await admin.post<{ errors: unknown[] }>('/api/bylaws', retroactive);
    expect(past.body.errors).toEqual([
      { pointer: '/effectiveOn', message: 'today or a later day' },
    ]);
    clock.set('2026-12-31T09:00:00Z');
    const inside = await admin.post<{ errors: unknown[] }>('/api/bylaws', retroactive);
    clock.set(`${today}T09:00:00Z`);
    expect(inside.status).toBe(400);
    expect(inside.body.errors).toEqual([
      {
        pointer: '/effectiveOn',
        message: 'a day after 2026-12-31, the end of the last closed fiscal year',
      },
    ]);
    const firstOpen = today;
    const next = await admin.post<{ version: number }>('/api/bylaws', {
      summary: 'After the close',
      effectiveOn: firstOpen,
      document,
    });
    expect(next.status).toBe(201);
    const moved = await admin.post<{ errors: { pointer: string }[] }>('/api/bylaws', {
      summary: 'Fiscal year from July',
      effectiveOn: firstOpen,
      document: { ...(document as object), fiscalYear: { startMonth: 7 } },
    });
    expect(moved.status).toBe(400);
    expect(moved.body.errors.map((e) => e.pointer)).toEqual(['/document/fiscalYear/startMonth']);

    await app.drainJobs();
    const notices = (
      await admin.get<{ messages: { kind: string; toAddress: string; body: string }[] }>(
        '/api/outbox',
      )
    ).body.messages.filter((m) => m.kind === 'dividend-notice');
    expect(notices.map((n) => n.toAddress).sort()).toEqual([
      'admin@example.org',
      'ap@acme.example',
      'h@example.org',
    ]);
    expect(notices.find((n) => n.toAddress === 'h@example.org')!.body).toContain(
      'retained in your capital account: €1,500.00',
    );
    const german = notices.find((n) => n.toAddress === 'admin@example.org')!.body;
    expect(german).toContain('Das Geschäftsjahr 2026 (01.01.2026 bis 31.12.2026)');
    expect(german).toMatch(/deinem Geschäftsguthaben gutgeschrieben: [\d.]+,\d\d €/);
    // The arithmetic too, in German figures.
    expect(german).toMatch(/^Überschuss [\d.]+,\d\d €\.$/m);
    expect(german).toMatch(/^Verteilbar [\d.]+,\d\d €, aufgeteilt /m);
    expect(german).not.toContain('Surplus');
    // An organization is addressed formally, as on its invoices.
    const acmeNotice = notices.find((n) => n.toAddress === 'ap@acme.example')!.body;
    expect(acmeNotice).toContain('Ihrem Geschäftsguthaben gutgeschrieben');
    expect(acmeNotice).not.toMatch(/\b(Dein|deinem)\b/);
    expect(acmeNotice).toMatch(/^Ihr Anteil, nach [\d.]+,\d\d € Finanzierung: [\d.]+,\d\d €$/m);
  });

  it('shows each member their own notice, on the web and as a PDF', async () => {
    const mine = await hacker.client.get<{
      dividends: {
        id: string;
        recipient: string;
        amount: string;
        cash: string;
        retained: string;
      }[];
    }>('/api/ledger/dividends');
    expect(mine.body.dividends).toEqual([
      expect.objectContaining({
        recipient: 'Hedda',
        amount: '3000.00',
        cash: '1500.00',
        retained: '1500.00',
      }),
    ]);
    const all = await admin.get<{ dividends: unknown[] }>('/api/ledger/dividends');
    expect(all.body.dividends).toHaveLength(4);
    const pdf = await hacker.client.get<string>(
      `/api/ledger/dividends/${mine.body.dividends[0]!.id}/notice.pdf`,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.body.startsWith('%PDF-')).toBe(true);
    const adminsOwn = (
      await admin.get<{ dividends: { id: string; recipient: string }[] }>('/api/ledger/dividends')
    ).body.dividends.find((d) => d.recipient === 'Ada Admin')!;
    expect(
      (await hacker.client.get(`/api/ledger/dividends/${adminsOwn.id}/notice.pdf`)).status,
    ).toBe(404);
  });

  it.skipIf(!hasPdfToText)(
    'writes the notice PDF in its recipient’s language, steps and all',
    async () => {
      // The admin reads German: their notice is German, whoever asks for it.
      const adminsOwn = (
        await admin.get<{ dividends: { id: string; recipient: string; locale: string }[] }>(
          '/api/ledger/dividends',
        )
      ).body.dividends.find((d) => d.recipient === 'Ada Admin')!;
      expect(adminsOwn.locale).toBe('de');
      const pdf = await app.app.inject({
        method: 'GET',
        url: `/api/ledger/dividends/${adminsOwn.id}/notice.pdf`,
        headers: { cookie: admin.cookie! },
      });
      const file = join(mkdtempSync(join(tmpdir(), 'notice-')), 'notice.pdf');
      writeFileSync(file, pdf.rawPayload);
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('Dividendenbescheid, Geschäftsjahr 2026');
      expect(text).toContain('01.01.2026 bis 31.12.2026');
      expect(text).toMatch(/Deinem Geschäftsguthaben gutgeschrieben\s+[\d.]+,\d\d €/);
      expect(text).toMatch(/Überschuss [\d.]+,\d\d €\./);
      expect(text).toContain('nach größtem Rest');
      expect(text).toContain('So wurde der Überschuss verteilt');
      // No English left: not a step, not a label.
      expect(text).not.toMatch(/Surplus|Distributable|Paid in cash|rounded down|EUR/);
    },
  );

  it('proves each notice to whoever may read it, and its record to no one else', async () => {
    await app.drainJobs();
    const coopId = (await findCoop(app.database.db))!.id;
    const notices = (
      await admin.get<{ dividends: { id: string; recipient: string }[] }>('/api/ledger/dividends')
    ).body.dividends;
    const hedda = notices.find((d) => d.recipient === 'Hedda')!;
    const adminsOwn = notices.find((d) => d.recipient === 'Ada Admin')!;

    const file = await hacker.client.get<ProofBundle>(`/api/ledger/dividends/${hedda.id}/proof`);
    expect(file.status).toBe(200);
    const checked = checkProofBundle(file.body, logKey.vkey, 'coop.test/test-hackers-co-op/log');
    expect(checked).toMatchObject({ valid: true });
    expect(file.body.visibility).toBe('hashed');
    // The leaf holds only a hash; the file carries the notice it stands for.
    expect(file.body.entry).not.toContain('300000');
    expect(file.body.record).toMatchObject({
      type: 'dividend.declared',
      subjectType: 'dividend',
      subjectId: hedda.id,
      data: {
        fiscalYear: 2026,
        memberClass: 'hacker',
        personId: hacker.personId,
        amountMinor: '300000',
        cashMinor: '150000',
        retainedMinor: '150000',
        currency: 'EUR',
      },
    });
    // A changed figure is not the notice that was logged.
    const forged = structuredClone(file.body);
    (forged.record!.data as { amountMinor: string }).amountMinor = '3000000';
    expect(checkProofBundle(forged, logKey.vkey)).toEqual({
      valid: false,
      reason: 'the record is not the one logged',
    });

    // `coop log prove dividend.declared:<id>` finds the same leaf.
    const seq = await loggedEventOf(app.database.db, coopId, `dividend.declared:${hedda.id}`);
    expect(seq).toBe(file.body.record!.seq);

    // Another member's notice: not through finance, and through the log without its record.
    expect((await hacker.client.get(`/api/ledger/dividends/${adminsOwn.id}/proof`)).status).toBe(
      404,
    );
    const adminsSeq = await loggedEventOf(
      app.database.db,
      coopId,
      `dividend.declared:${adminsOwn.id}`,
    );
    const viaLog = await hacker.client.get<ProofBundle>(`/api/log/events/${adminsSeq}/proof`);
    expect(viaLog.status).toBe(200);
    expect(viaLog.body.record).toBeNull();
    expect(checkProofBundle(viaLog.body, logKey.vkey)).toMatchObject({ valid: true });
    expect(
      (await admin.get<ProofBundle>(`/api/ledger/dividends/${adminsOwn.id}/proof`)).body.record,
    ).toMatchObject({ subjectId: adminsOwn.id });
  });
});
