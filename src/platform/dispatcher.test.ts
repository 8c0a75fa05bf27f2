import pg from 'pg';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpCoop, startTestApp, type TestApp } from '../testing/testApp.ts';
import { createDispatcher, consumerLag, type Consumer, type StoredEvent } from './dispatcher.ts';
import { appendTypedEvent } from './events/append.ts';
import type { EventType } from './events/registry.ts';
import { createLogger } from './logger.ts';
import { queryRows } from './db/rows.ts';

// Not registered with defineEvent: test files share workers, and the catalogue (docs, OpenAPI)
// lists every registered type.
const pinged: EventType<z.ZodObject<{ n: z.ZodNumber }>> = {
  name: 'test.pinged',
  version: 1,
  subject: 'test',
  summary: 'A test event.',
  data: z.object({ n: z.number().int() }),
};

/** A consumer that records what it is handed, and fails while told to. */
function recorder(name: string) {
  const seen: number[] = [];
  let failing = false;
  const consumer: Consumer & { seen: number[]; fail(on: boolean): void } = {
    name,
    seen,
    fail: (on) => {
      failing = on;
    },
    wants: (type) => type === pinged.name,
    async handle(_db, event: StoredEvent) {
      if (failing) throw new Error(`${name} is down`);
      seen.push(Number(event.data.n));
    },
  };
  return consumer;
}

describe('the event dispatcher', () => {
  let app: TestApp;
  let coopId: string;
  const log = createLogger('silent');
  const ping = (n: number) =>
    app.database.db.transaction((tx) =>
      appendTypedEvent(tx, pinged, {
        coopId,
        actorId: null,
        subjectId: String(n),
        data: { n },
        occurredAt: new Date(),
      }),
    );
  beforeAll(async () => {
    app = await startTestApp();
    await setUpCoop(app);
    [{ id: coopId }] = (await queryRows<{ id: string }>(
      app.database.db,
      sql`select id from coops`,
    )) as [{ id: string }];
  });
  afterAll(() => app.stop());

  it('hands each consumer every event once, in order, and remembers where it stopped', async () => {
    const first = recorder('first');
    const dispatcher = createDispatcher(app.database.db, [first], log);
    for (let n = 1; n <= 3; n++) await ping(n);
    await dispatcher.runOnce();
    await ping(4);
    await dispatcher.runOnce();
    await dispatcher.runOnce();
    expect(first.seen).toEqual([1, 2, 3, 4]);
    // A new process (another dispatcher) starts from the stored cursor, not from the start.
    const again = recorder('first');
    await createDispatcher(app.database.db, [again], log).runOnce();
    expect(again.seen).toEqual([]);
  });

  it('backs off a failing consumer without holding back the others, then catches it up', async () => {
    const healthy = recorder('healthy');
    const flaky = recorder('flaky');
    const dispatcher = createDispatcher(app.database.db, [flaky, healthy], log);
    await dispatcher.runOnce(); // both catch up with what came before
    healthy.seen.length = 0;
    flaky.seen.length = 0;
    flaky.fail(true);
    await ping(10);
    await ping(11);
    await dispatcher.runOnce();
    expect(healthy.seen).toEqual([10, 11]);
    expect(flaky.seen).toEqual([]);
    const lag = (await consumerLag(app.database.db, coopId)).find((c) => c.consumer === 'flaky')!;
    expect(lag).toMatchObject({ failures: 1, lastError: 'flaky is down' });
    expect(lag.behind).toBeGreaterThanOrEqual(2);
    expect(lag.retryAt!.getTime()).toBeGreaterThan(Date.now());
    // Before its retry time a failing consumer is left alone.
    flaky.fail(false);
    await dispatcher.runOnce();
    expect(flaky.seen).toEqual([]);
    await app.database.db.execute(
      sql`update event_cursors set retry_at = now() where consumer = 'flaky'`,
    );
    await dispatcher.runOnce();
    expect(flaky.seen).toEqual([10, 11]);
    const after = (await consumerLag(app.database.db, coopId)).find((c) => c.consumer === 'flaky')!;
    expect(after).toMatchObject({ failures: 0, lastError: null, behind: 0 });
  });

  it('lets two processes share a consumer without handing an event to both', async () => {
    const a = recorder('shared');
    const b = recorder('shared');
    await createDispatcher(app.database.db, [a], log).runOnce();
    a.seen.length = 0;
    for (let n = 20; n < 30; n++) await ping(n);
    await Promise.all([
      createDispatcher(app.database.db, [a], log).runOnce(),
      createDispatcher(app.database.db, [b], log).runOnce(),
    ]);
    expect([...a.seen, ...b.seen].sort((x, y) => x - y)).toEqual([
      20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
    ]);
  });

  // PGlite has one connection, so transactions cannot overlap there.
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'never skips an event whose transaction commits after a later one',
    async () => {
      const late = recorder('late');
      const dispatcher = createDispatcher(app.database.db, [late], log);
      await dispatcher.runOnce();
      late.seen.length = 0;
      const slow = new pg.Client({ connectionString: app.target.databaseUrl });
      await slow.connect();
      try {
        await slow.query('begin');
        // Takes its sequence number first...
        await slow.query(
          `insert into events (coop_id, type, subject_type, subject_id, data)
           values ($1, 'test.pinged', 'test', '40', '{"n":40}')`,
          [coopId],
        );
        // ...while a later event commits first.
        await ping(41);
        await dispatcher.runOnce();
        expect(late.seen).toEqual([]);
        await slow.query('commit');
      } finally {
        await slow.end();
      }
      await dispatcher.runOnce();
      expect(late.seen).toEqual([40, 41]);
    },
  );
});
