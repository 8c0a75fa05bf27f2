import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db/rows.ts';
import { startTestApp, type TestApp } from '../testing/testApp.ts';
import { fillDemo } from './fillDemo.ts';

describe('the demo’s releases', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await fillDemo(app.database.db, app.config.publicUrl);
    while ((await app.drainJobs()) > 0);
  }, 300_000);
  afterAll(() => app?.stop());

  it('has a published release and a planned deprecation consulted on with the sponsor it touches', async () => {
    const rows = await queryRows<{
      kind: string;
      state: string;
      topics: string;
      consulted: string;
    }>(
      app.database.db,
      sql`select r.kind, r.state,
            (select string_agg(t.topic, ',' order by t.topic) from topic_tags t
              where t.subject_kind = 'release' and t.subject_id = r.id) as topics,
            (select string_agg(o.legal_name, ',') from consultations c
              join organizations o on o.id = any(c.organization_ids)
              where c.subject_kind = 'release' and c.subject_id = r.id) as consulted
          from releases r order by r.planned_on`,
    );
    expect(rows.map((r) => [r.kind, r.state, r.topics])).toEqual([
      ['release', 'published', 'crypto'],
      ['deprecation', 'planned', 'lts,packaging'],
    ]);
    expect(rows[0]!.consulted).toBeNull();
    // Brightline shares `lts` too, but its silver tier has no reciprocal access.
    expect(rows[1]!.consulted).toBe('Aalto Data Oy');
  });
});
