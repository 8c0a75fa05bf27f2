import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db/rows.ts';
import { createDispatcher, type Consumer, type StoredEvent } from '../platform/dispatcher.ts';
import { appendTypedEvent } from '../platform/events/append.ts';
import type { EventType } from '../platform/events/registry.ts';
import { createLogger } from '../platform/logger.ts';
import { setUpCoop, startTestApp, type TestApp } from '../testing/testApp.ts';

// Not registered: the catalogue (and loggedEvents' test) lists registered types only.
const ticked: EventType<z.ZodObject<{ n: z.ZodNumber }>> = {
  name: 'test.ticked',
  version: 1,
  subject: 'test',
  summary: 'A test event.',
  data: z.object({ n: z.number().int() }),
};

describe('the dispatcher in batch mode (what the log consumes with)', () => {
  let app: TestApp;
  let coopId: string;
  beforeAll(async () => {
    app = await startTestApp();
    await setUpCoop(app);
    [{ id: coopId }] = (await queryRows<{ id: string }>(
      app.database.db,
      sql`select id from coops`,
    )) as [{ id: string }];
  });
  afterAll(() => app.stop());

  it('hands over each batch’s wanted events in one call, in order, and moves past them', async () => {
    const calls: number[][] = [];
    let failing = true;
    const consumer: Consumer = {
      name: 'batch-test',
      wants: (type) => type === ticked.name,
      handle: () => Promise.reject(new Error('batch mode must not call handle')),
      async handleBatch(_db, events: StoredEvent[]) {
        if (failing) throw new Error('down');
        calls.push(events.map((e) => Number(e.data.n)));
      },
    };
    await app.database.db.transaction(async (tx) => {
      for (let n = 1; n <= 450; n++)
        await appendTypedEvent(tx, ticked, {
          coopId,
          actorId: null,
          subjectId: String(n),
          data: { n },
          occurredAt: new Date(),
        });
    });
    const dispatcher = createDispatcher(app.database.db, [consumer], createLogger('silent'));
    // A failing batch is retried later, from where it stood.
    await dispatcher.runOnce();
    expect(calls).toEqual([]);
    failing = false;
    await app.database.db.execute(
      sql`update event_cursors set retry_at = null where consumer = 'batch-test'`,
    );
    await dispatcher.runOnce();
    expect(calls.flat()).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    expect(calls.length).toBeGreaterThan(1); // batches of the dispatcher's size, not one by one
    expect(calls.length).toBeLessThan(10);
    await dispatcher.runOnce();
    expect(calls.flat()).toHaveLength(450);
  });
});
