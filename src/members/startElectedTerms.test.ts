import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCoop } from '../coop/queries.ts';
import { publicActor, systemActor } from '../platform/actor.ts';
import { runCommand, type CommandContext } from '../platform/commands.ts';
import { events } from '../platform/db/schema.ts';
import { AppError } from '../platform/errors.ts';
import { addMember, setUpCoop, startTestApp, type TestApp } from '../testing/testApp.ts';
import { appointOfficer } from './commands/appointOfficer.ts';
import { startElectedTerms } from './commands/startElectedTerms.ts';
import { loadActor } from './repository.ts';
import { officerTerms } from './schema.ts';

describe('elected officers take office', () => {
  let app: TestApp;
  let coopId: string;
  let ctx: CommandContext;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    const admin = await setUpCoop(app);
    coopId = (await findCoop(app.database.db))!.id;
    ctx = { db: app.database.db, actor: systemActor(coopId), publicUrl: 'http://coop.test' };
    for (const [i, name] of ['ana', 'ben', 'cai'].entries())
      ids[name] = (
        await addMember(
          app,
          admin,
          { email: `${name}@example.org`, name, memberClass: 'hacker' },
          `10.0.9.${i}`,
        )
      ).personId;
    await runCommand(
      appointOfficer,
      { personId: ids.ana!, role: 'chief-economist', startsOn: '2026-01-01' },
      ctx,
    );
  });
  afterAll(() => app.stop());

  const termsOf = (role: string) =>
    app.database.db
      .select()
      .from(officerTerms)
      .where(and(eq(officerTerms.coopId, coopId), eq(officerTerms.role, role)));
  const eventsOf = (pollId: string) =>
    app.database.db
      .select({ type: events.type, subjectId: events.subjectId, data: events.data })
      .from(events)
      .where(and(eq(events.coopId, coopId), sql`${events.data}->>'pollId' = ${pollId}`))
      .orderBy(events.seq);

  // In order, each on the state the previous left.
  const table: {
    name: string;
    role: string;
    startsOn: string;
    winners: string[];
    ended: string[];
    /** Default bylaws: both offices last 24 months. */
    endsOn: string;
  }[] = [
    {
      name: 'no winner',
      role: 'chief-economist',
      startsOn: '2026-06-01',
      winners: [],
      ended: [],
      endsOn: '2028-05-31',
    },
    {
      name: 'a winner replaces the holder from the day',
      role: 'chief-economist',
      startsOn: '2026-06-01',
      winners: ['ben'],
      ended: ['ana'],
      endsOn: '2028-05-31',
    },
    {
      name: 'two winners of a vacant office',
      role: 'chief-technologist',
      startsOn: '2026-07-15',
      winners: ['ana', 'cai'],
      ended: [],
      endsOn: '2028-07-14',
    },
  ];

  it.each(table)('$name', async ({ role, startsOn, winners, ended, endsOn }) => {
    const pollId = randomUUID();
    const before = await termsOf(role);
    const started = await runCommand(
      startElectedTerms,
      { role, startsOn, personIds: winners.map((w) => ids[w]!), pollId },
      ctx,
    );
    expect(started.map((s) => s.personId)).toEqual(winners.map((w) => ids[w]));
    for (const s of started) expect(s).toMatchObject({ startsOn, endsOn });

    const after = await termsOf(role);
    expect(after).toHaveLength(before.length + winners.length);
    const endedNow = after.filter((t) => t.endedEarlyOn === startsOn).map((t) => t.personId);
    expect(endedNow.sort()).toEqual(ended.map((e) => ids[e]!).sort());

    expect(await eventsOf(pollId)).toEqual([
      ...ended.map((e) => ({
        type: 'officer.term-ended',
        subjectId: ids[e],
        data: { role, termId: expect.any(String), endedOn: startsOn, pollId },
      })),
      ...winners.map((w) => ({
        type: 'officer.appointed',
        subjectId: ids[w],
        data: { role, startsOn, endsOn, bylawsVersion: 1, pollId },
      })),
    ]);
  });

  it('refuses an office the bylaws do not define, and anyone but administrators', async () => {
    const input = {
      role: 'treasurer',
      startsOn: '2026-08-01',
      personIds: [ids.ben!],
      pollId: randomUUID(),
    };
    await expect(runCommand(startElectedTerms, input, ctx)).rejects.toMatchObject({ status: 400 });
    const member = (await loadActor(app.database.db, coopId, ids.cai!, app.clock.today()))!;
    for (const actor of [member, publicActor(coopId)])
      await expect(
        runCommand(startElectedTerms, { ...input, role: 'chief-economist' }, { ...ctx, actor }),
      ).rejects.toBeInstanceOf(AppError);
    expect((await termsOf('treasurer')).length).toBe(0);
  });
});
