import { inflateSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/rows.ts';
import {
  addMember,
  setUpCoop,
  startTestApp,
  type TestApp,
  type TestClient,
} from '../../testing/testApp.ts';

type Line = { account: string; balance: string };
type Sheet = { equity: Line[]; totals: { equity: string } };
type Concentration = {
  hhi: number;
  total: string;
  sponsorCount: number;
  byName: boolean;
  sponsors: {
    organizationId: string | null;
    name: string;
    funding: string;
    sharePercent: number;
  }[];
};

/** The text a pdfkit PDF draws: its content streams inflated, the hex strings decoded. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let text = '';
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const h of content.matchAll(/<([0-9a-fA-F]+)>/g))
      text += Buffer.from(h[1]!, 'hex').toString('latin1');
    text += '\n';
  }
  return text;
}

/**
 * Who reads what in the reports: each sponsor's funding by name, and each member's capital
 * account (the dividends they left in the co-op). One rule for JSON, CSV and PDF.
 */
describe('what each reader sees in the reports', () => {
  let app: TestApp;
  let admin: TestClient;
  let officer: TestClient;
  let grace: Awaited<ReturnType<typeof addMember>>;
  let linus: Awaited<ReturnType<typeof addMember>>;
  let rep: TestClient;
  let community: TestClient;
  let big: string;
  const paths: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp({}, { clock: manualClock('2026-07-15T12:00:00Z') });
    admin = await setUpCoop(app);
    const org = async (legalName: string) =>
      (await admin.post<{ id: string }>('/api/organizations', { legalName })).body.id;
    big = await org('Bigcorp');
    const small = await org('Smallco');
    for (const [organizationId, amount] of [
      [big, '70000.00'],
      [small, '30000.00'],
    ] as const)
      await admin.post('/api/ledger/sponsor-payments', {
        organizationId,
        receivedOn: '2026-01-10',
        amount,
      });
    const olga = await addMember(app, admin, {
      email: 'olga@example.org',
      name: 'Olga',
      memberClass: 'hacker',
    });
    const term = await admin.post(`/api/members/${olga.personId}/officer-terms`, {
      role: 'chief-economist',
    });
    expect(term.status, JSON.stringify(term.body)).toBe(201);
    officer = olga.client;
    await officer.get('/api/session');
    grace = await addMember(app, admin, {
      email: 'grace@example.org',
      name: 'Grace',
      memberClass: 'hacker',
    });
    linus = await addMember(app, admin, {
      email: 'linus@example.org',
      name: 'Linus',
      memberClass: 'hacker',
    });
    rep = (
      await addMember(app, admin, {
        email: 'rep@bigcorp.example',
        name: 'Rita',
        memberClass: 'sponsor',
        organizationId: big,
      })
    ).client;
    community = (
      await addMember(app, admin, {
        email: 'cora@example.org',
        name: 'Cora',
        memberClass: 'community',
      })
    ).client;

    // Capital accounts as the year-end close makes them: under equity:member-capital, owned.
    const [coop] = await queryRows<{ id: string }>(app.database.db, sql`select id from coops`);
    const coopId = coop!.id;
    const owners = [
      ['grace', '3201', grace.personId, null],
      ['linus', '3202', linus.personId, null],
      ['bigcorp', '3203', null, big],
    ] as const;
    for (const [name, code, personId, organizationId] of owners) {
      paths[name] = `equity:member-capital:${name}-${(personId ?? organizationId)!.slice(0, 8)}`;
      await app.database.db.execute(
        sql`insert into accounts (coop_id, code, path, type, parent_id, person_id, organization_id)
            select ${coopId}, ${code}, ${paths[name]}, 'equity', id, ${personId}, ${organizationId}
            from accounts where coop_id = ${coopId} and path = 'equity:member-capital'`,
      );
    }
    const entry = await admin.post('/api/ledger/entries', {
      effectiveOn: '2026-06-30',
      description: 'Dividends retained',
      postings: [
        { account: 'equity:retained-surplus', amount: '300.00' },
        { account: paths.grace, amount: '-100.00' },
        { account: paths.linus, amount: '-150.00' },
        { account: paths.bigcorp, amount: '-50.00' },
      ],
    });
    expect(entry.status, JSON.stringify(entry.body)).toBe(201);
  });
  afterAll(() => app.stop());

  const capital = async (client: TestClient) => {
    const sheet = await client.get<Sheet>('/api/reports/balance-sheet?at=2026-06-30');
    expect(sheet.status).toBe(200);
    const lines = Object.fromEntries(
      sheet.body.equity
        .filter((l) => l.account.startsWith('equity:member-capital'))
        .map((l) => [l.account, l.balance]),
    );
    const trial = await client.get<{ accounts: { account: string; balance_minor: number }[] }>(
      '/api/reports/trial-balance?at=2026-06-30',
    );
    const csv = await client.get<string>('/api/reports/balance-sheet?at=2026-06-30&format=csv');
    const pdf = await client.app.inject({
      method: 'GET',
      url: '/api/reports/balance-sheet?at=2026-06-30&format=pdf',
      headers: { cookie: client.cookie! },
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    return {
      lines,
      totalEquity: sheet.body.totals.equity,
      trial: Object.fromEntries(
        trial.body.accounts
          .filter((l) => l.account.startsWith('equity:member-capital'))
          .map((l) => [l.account, l.balance_minor]),
      ),
      csv: csv.body,
      pdf: pdfText(pdf.rawPayload),
    };
  };

  it('lists an owned account in the chart, by its holder’s name, only to whom it shows', async () => {
    type Chart = { accounts: { path: string; holder: string | null }[] };
    const owned = async (client: TestClient) =>
      Object.fromEntries(
        (await client.get<Chart>('/api/ledger/accounts')).body.accounts
          .filter((a) => a.path.startsWith('equity:member-capital:'))
          .map((a) => [a.path, a.holder]),
      );
    expect(await owned(officer)).toEqual({
      [paths.grace!]: 'Grace',
      [paths.linus!]: 'Linus',
      [paths.bigcorp!]: 'Bigcorp',
    });
    expect(await owned(grace.client)).toEqual({ [paths.grace!]: 'Grace' });
    expect(await owned(rep)).toEqual({ [paths.bigcorp!]: 'Bigcorp' });
    expect(await owned(community)).toEqual({});
  });

  it('shows the officers every capital account, in JSON, CSV and PDF', async () => {
    const seen = await capital(officer);
    expect(seen.lines).toEqual({
      [paths.grace!]: '10000',
      [paths.linus!]: '15000',
      [paths.bigcorp!]: '5000',
    });
    expect(seen.trial).toEqual({
      [paths.grace!]: -10000,
      [paths.linus!]: -15000,
      [paths.bigcorp!]: -5000,
    });
    for (const name of ['grace', 'linus', 'bigcorp']) {
      expect(seen.csv).toContain(paths[name]);
      expect(seen.pdf).toContain(paths[name]);
    }
  });

  it('shows a hacker their own capital account and the others as one line, in every format', async () => {
    const seen = await capital(grace.client);
    expect(seen.lines).toEqual({ [paths.grace!]: '10000', 'equity:member-capital': '20000' });
    expect(seen.trial).toEqual({ [paths.grace!]: -10000, 'equity:member-capital': -20000 });
    expect(seen.totalEquity).toBe((await capital(officer)).totalEquity);
    for (const text of [seen.csv, seen.pdf]) {
      expect(text).toContain(paths.grace);
      expect(text).not.toMatch(/linus|bigcorp/);
    }
  });

  it('shows a sponsor representative their organization’s capital, not a hacker’s', async () => {
    const seen = await capital(rep);
    expect(seen.lines).toEqual({ [paths.bigcorp!]: '5000', 'equity:member-capital': '25000' });
    expect(seen.trial).toEqual({ [paths.bigcorp!]: -5000, 'equity:member-capital': -25000 });
    for (const text of [seen.csv, seen.pdf]) expect(text).not.toMatch(/grace|linus/);
  });

  it('shows a community member the capital accounts as one line', async () => {
    const seen = await capital(community);
    expect(seen.lines).toEqual({ 'equity:member-capital': '30000' });
    expect(seen.trial).toEqual({ 'equity:member-capital': -30000 });
    for (const text of [seen.csv, seen.pdf]) expect(text).not.toMatch(/grace|linus|bigcorp/);
  });

  const concentration = async (client: TestClient) => {
    const r = await client.get<Concentration>('/api/reports/concentration?at=2026-07-01');
    expect(r.status).toBe(200);
    return r.body;
  };

  it('names each sponsor’s funding to the officers only, unless the bylaws publish it', async () => {
    const all = await concentration(officer);
    expect(all).toMatchObject({ byName: true, sponsorCount: 2, hhi: 5800 });
    expect(all.sponsors.map((s) => [s.name, s.funding])).toEqual([
      ['Bigcorp', '7000000'],
      ['Smallco', '3000000'],
    ]);

    for (const client of [grace.client, community]) {
      const seen = await concentration(client);
      // The co-op's exposure is everyone's business; who gives what is not.
      expect(seen).toMatchObject({ byName: false, sponsorCount: 2, hhi: 5800, total: '10000000' });
      expect(seen.sponsors).toEqual([
        { organizationId: null, name: '2 other sponsors', funding: '10000000', sharePercent: 100 },
      ]);
      expect(JSON.stringify(seen)).not.toMatch(/Bigcorp|Smallco/);
    }

    const own = await concentration(rep);
    expect(own.sponsors).toEqual([
      { organizationId: big, name: 'Bigcorp', funding: '7000000', sharePercent: 70 },
      { organizationId: null, name: '1 other sponsor', funding: '3000000', sharePercent: 30 },
    ]);

    const current = await admin.get<{ document: { transparency: Record<string, boolean> } }>(
      '/api/bylaws',
    );
    const document = {
      ...current.body.document,
      transparency: { ...current.body.document.transparency, publishSponsorFunding: true },
    };
    const amended = await admin.post('/api/bylaws', { summary: 'Publish funding', document });
    expect(amended.status, JSON.stringify(amended.body)).toBe(201);
    const published = await concentration(community);
    expect(published.byName).toBe(true);
    expect(published.sponsors.map((s) => s.name)).toEqual(['Bigcorp', 'Smallco']);
  });
});
