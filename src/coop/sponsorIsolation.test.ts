import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, fillDemo } from '../demo/fillDemo.ts';
import { backupTables } from '../platform/db/backup.ts';
import { queryRows } from '../platform/db/rows.ts';
import {
  openapiOperations,
  probe,
  responseText,
  tableDigests,
  uuidsIn,
} from '../testing/openapiProbe.ts';
import { startTestApp, TestClient, type TestApp } from '../testing/testApp.ts';

describe('two sponsors of one co-op', () => {
  let app: TestApp;
  let coopId: string;
  beforeAll(async () => {
    app = await startTestApp();
    ({ coopId } = await fillDemo(app.database.db, app.config.publicUrl));
    while ((await app.drainJobs()) > 0);
  }, 300_000);
  afterAll(() => app.stop());

  const tablesWithOrganization = async () =>
    (
      await queryRows<{ table: string }>(
        app.database.db,
        sql`select c.table_name as table from information_schema.columns c
            where c.column_name = 'organization_id' and c.table_schema = current_schema()
              and exists (select 1 from information_schema.columns i
                          where i.table_name = c.table_name and i.column_name = 'id'
                            and i.data_type = 'uuid' and i.table_schema = current_schema())`,
      )
    ).map((r) => r.table);

  /** Rows with an organization that any member may see: an item names the sponsor that proposed it. */
  const sharedTables = new Set(['work_items']);
  /** Operations that answer for any id by design, and why. */
  const openByDesign: [RegExp, string][] = [
    [/^GET \/api\/log\/subjects\//, 'the public log says where a record sits, never what it holds'],
  ];
  /** What a representative may change with its own actions while probing: its own account and records. */
  const ownChanges = new Set([
    'sessions',
    'login_failures',
    'email_tokens',
    'person_emails',
    'digest_preferences',
    'events',
    'outbox',
    'work_items',
    'sponsor_labour',
    'sponsor_requests',
  ]);

  const idsOf = async (table: string, organizationId: string) =>
    (
      await queryRows<{ id: string }>(
        app.database.db,
        sql`select id::text as id from ${sql.identifier(table)}
            where coop_id = ${coopId} and organization_id = ${organizationId} order by id`,
      )
    ).map((r) => r.id);

  /** The rows an organization owns, table by table, as one digest each. */
  const rowsOf = async (organizationId: string) =>
    tableDigests(
      app.database.db,
      await tablesWithOrganization(),
      () => sql`t.coop_id = ${coopId} and t.organization_id = ${organizationId}`,
    );

  /** Every row of the co-op's, table by table, as one digest each. */
  const digest = () =>
    tableDigests(app.database.db, backupTables, (table) =>
      table === 'coops' ? sql`t.id = ${coopId}` : sql`t.coop_id = ${coopId}`,
    );

  const organizationNamed = async (name: string) => {
    const [row] = await queryRows<{ id: string; email: string }>(
      app.database.db,
      sql`select o.id, e.email from organizations o
          join memberships m on m.coop_id = o.coop_id and m.organization_id = o.id
          join person_emails e on e.coop_id = m.coop_id and e.person_id = m.person_id
          where o.coop_id = ${coopId} and o.display_name = ${name} order by e.email limit 1`,
    );
    return row!;
  };

  // The demo's two sponsors with the most: agreements, invoices, requests and their clocks.
  it.each([
    ['Nordlicht Cloud', 'Aalto Data'],
    ['Aalto Data', 'Nordlicht Cloud'],
  ])(
    "%s's representative reads and changes nothing of %s's through any operation",
    async (ownName, otherName) => {
      const own = await organizationNamed(ownName);
      const other = await organizationNamed(otherName);
      const privateIds = new Set<string>();
      const probes: { id: string; table: string }[] = [{ id: other.id, table: 'organizations' }];
      for (const table of await tablesWithOrganization()) {
        if (sharedTables.has(table)) continue;
        const ids = await idsOf(table, other.id);
        ids.forEach((id) => privateIds.add(id));
        if (ids[0]) probes.push({ id: ids[0], table });
      }
      for (const table of ['agreements', 'invoices', 'service_clocks', 'sponsor_requests'])
        expect(probes.map((p) => p.table)).toContain(table);

      const client = new TestClient(app.app, '10.9.9.9');
      const signIn = async () =>
        expect((await client.signIn(own.email, { password: demoPassword })).status).toBe(200);
      await signIn();
      await client.get('/api/session');
      const before = await digest();
      const otherBefore = await rowsOf(other.id);
      const [{ seq: lastEvent }] = (await queryRows<{ seq: string }>(
        app.database.db,
        sql`select coalesce(max(seq), 0)::text as seq from events where coop_id = ${coopId}`,
      )) as [{ seq: string }];
      const { operations, refs } = await openapiOperations(client);
      const granted: string[] = [];
      const leaks: string[] = [];
      let sent = 0;
      let refusedByValidation = 0;
      for (const operation of operations) {
        const name = `${operation.verb} ${operation.template}`;
        if (/logout|sign-out|\/setup$/.test(operation.template)) continue;
        if (openByDesign.some(([pattern]) => pattern.test(name))) continue;
        for (const { id, table } of probes) {
          const attempt = await probe(client, operation, id, refs, signIn);
          const { response } = attempt;
          sent++;
          if (response.status === 400) refusedByValidation++;
          if (
            response.status < 300 &&
            operation.template.includes('{') &&
            table !== 'organizations'
          )
            granted.push(`${name} on the other's ${table} -> ${response.status}`);
          for (const found of uuidsIn(responseText(response.body)))
            if (privateIds.has(found) && found !== id)
              leaks.push(`${operation.verb} ${attempt.url} -> ${response.status} shows ${found}`);
        }
      }
      expect(leaks).toEqual([]);
      expect(granted).toEqual([]);
      // Bodies are built from each operation's schema so that the fence, not validation, answers.
      expect(refusedByValidation / sent).toBeLessThan(0.3);
      expect(sent).toBeGreaterThan(1000);

      const after = await digest();
      const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
      expect(changed.filter((t) => !ownChanges.has(t))).toEqual([]);
      expect(await rowsOf(other.id)).toEqual(otherBefore);
      // Whatever the probes did is the representative's own: no new event names the other.
      const newEvents = await queryRows<{ text: string }>(
        app.database.db,
        sql`select row_to_json(e)::text as text from events e
            where coop_id = ${coopId} and seq > ${lastEvent}::bigint`,
      );
      const otherIds = [other.id, ...privateIds];
      expect(newEvents.filter((e) => otherIds.some((id) => e.text.includes(id)))).toEqual([]);
    },
    300_000,
  );
});
