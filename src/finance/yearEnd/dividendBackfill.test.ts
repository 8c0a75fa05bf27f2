import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../../platform/db/schema.ts';
import { setUpCoop, startTestApp, type TestApp, type TestClient } from '../../testing/testApp.ts';
import { generateKey } from '../../transparency/core/keys.ts';
import { checkProofBundle, type ProofBundle } from '../../transparency/proofBundle.ts';
import { dividends, yearEndCloses } from '../schema.ts';
import { dividendDeclared } from './events.ts';

const migrations = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

/**
 * The hand-written backfill and the identity's move past it, found by what they do (migrations
 * are renumbered at merge).
 */
function backfillStatements(): string[] {
  for (const file of fs.readdirSync(migrations).filter((f) => f.endsWith('.sql'))) {
    const statements = fs
      .readFileSync(path.join(migrations, file), 'utf8')
      .split('--> statement-breakpoint');
    const at = statements.findIndex(
      (s) => s.includes(`'dividend.declared'`) && s.includes('INSERT INTO "events"'),
    );
    if (at >= 0) return statements.slice(at);
  }
  throw new Error('no migration backfills dividend.declared');
}

describe('dividend notices of years closed before they were events', () => {
  let app: TestApp;
  let admin: TestClient;
  let coopId: string;
  let personId: string;
  const key = generateKey('coop.test');

  beforeAll(async () => {
    app = await startTestApp({ COOP_LOG_SIGNING_KEY: key.skey });
    admin = await setUpCoop(app);
    const session = await admin.get<{ coop: { id: string }; user: { personId: string } }>(
      '/api/session',
    );
    coopId = session.body.coop.id;
    personId = session.body.user.personId;
  });
  afterAll(() => app.stop());

  it('get their event from the migration, once, and can then be proved', async () => {
    const db = app.database.db;
    // A year closed by the code before dividend.declared: its rows, and no such event.
    const [close] = await db
      .insert(yearEndCloses)
      .values({
        coopId,
        fiscalYear: 2025,
        fromDay: '2025-01-01',
        toDay: '2025-12-31',
        surplusMinor: 1000000n,
        currency: 'EUR',
        computation: {},
        entryIds: [],
        closedBy: personId,
      })
      .returning();
    const [notice] = await db
      .insert(dividends)
      .values({
        coopId,
        closeId: close!.id,
        memberClass: 'hacker',
        personId,
        amountMinor: 420000n,
        cashMinor: 210000n,
        retainedMinor: 210000n,
        basis: { basis: '12 hours worked', steps: ['…'] },
      })
      .returning();

    const declared = () =>
      db
        .select()
        .from(events)
        .where(and(eq(events.coopId, coopId), eq(events.type, 'dividend.declared')));
    const backfill = async () => {
      for (const statement of backfillStatements()) await db.execute(sql.raw(statement));
    };
    await backfill();
    await backfill();
    const rows = await declared();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      subjectType: 'dividend',
      subjectId: notice!.id,
      actorId: personId,
    });
    // The data is what closeYear writes now: its schema accepts it.
    expect(dividendDeclared.data.parse(rows[0]!.data)).toEqual({
      closeId: close!.id,
      fiscalYear: 2025,
      fromDay: '2025-01-01',
      toDay: '2025-12-31',
      currency: 'EUR',
      memberClass: 'hacker',
      personId,
      organizationId: null,
      amountMinor: '420000',
      cashMinor: '210000',
      retainedMinor: '210000',
      basis: '12 hours worked',
    });

    await app.drainJobs();
    const proof = await admin.get<ProofBundle>(`/api/ledger/dividends/${notice!.id}/proof`);
    expect(proof.status).toBe(200);
    expect(checkProofBundle(proof.body, key.vkey)).toMatchObject({ valid: true });
    expect(proof.body.record?.data).toMatchObject({ amountMinor: '420000' });
    // The identity moved past the backfilled events: the next change appends as usual.
    const after = await admin.post('/api/organizations', { legalName: 'Acme' });
    expect(after.status).toBe(201);
  });
});
