import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { coopCurrency } from '../../coop/queries.ts';
import { lockCovering } from '../../finance/lockedPeriod.ts';
import { defineCommand } from '../../platform/commands.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import {
  sponsorLabourConfirmed,
  sponsorLabourLogged,
  sponsorLabourRejected,
  sponsorLabourReversed,
} from '../labourEvents.ts';
import { labourReasonSchema, sponsorLabourInputSchema } from '../labourInput.ts';
import { governancePolicy } from '../policy.ts';
import { funding, sponsorLabour, workItems } from '../schema.ts';

/** An engineer of a sponsor logs hours given to a co-op work item; nothing counts yet. */
export const logSponsorLabour = defineCommand({
  name: 'governance.logSponsorLabour',
  input: sponsorLabourInputSchema.extend({ organizationId: z.uuid(), personId: z.uuid() }),
  policy: (actor: Actor, input: { organizationId: string }) =>
    governancePolicy.logSponsorLabour(actor, input.organizationId),
  denied: "Only the sponsor's own members log its labour.",
  events: [sponsorLabourLogged],
  async run(tx, input, ctx) {
    const [item] = await tx
      .select({ status: workItems.status })
      .from(workItems)
      .where(and(eq(workItems.coopId, ctx.coopId), eq(workItems.id, input.workItemId)));
    if (!item)
      throw badRequest('No such work item.', [
        { pointer: '/workItemId', message: 'not a work item of this co-op' },
      ]).because('work-item.unknown');
    if (input.workedOn > ctx.clock.today())
      throw badRequest('Hours are logged once worked.', [
        { pointer: '/workedOn', message: 'today or earlier' },
      ]).because('labour.not-yet-worked');
    const [row] = await tx
      .insert(sponsorLabour)
      .values({ ...input, coopId: ctx.coopId })
      .returning({ id: sponsorLabour.id });
    await ctx.emit(sponsorLabourLogged, input.organizationId, {
      labourId: row!.id,
      personId: input.personId,
      workItemId: input.workItemId,
      workedOn: input.workedOn,
      hours: input.hours,
    });
    return { id: row!.id };
  },
});

async function labourRow(tx: Executor, coopId: string, id: string) {
  const [row] = await tx
    .select()
    .from(sponsorLabour)
    .where(and(eq(sponsorLabour.coopId, coopId), eq(sponsorLabour.id, id)))
    .for('update');
  if (!row) throw notFound('This labour entry');
  return row;
}

/** The funding row's day must not lie in a locked period, whose patronage has counted. */
async function assertOpen(tx: Executor, coopId: string, day: string): Promise<void> {
  const lock = await lockCovering(tx, coopId, day);
  if (lock)
    throw conflict(
      `${day} lies in the locked period ${lock.fromDay} to ${lock.toDay}, whose funding has counted. Reopen the period first.`,
    ).because('period.locked', { day, fromDay: lock.fromDay, toDay: lock.toDay });
}

const payload = (row: typeof sponsorLabour.$inferSelect) => ({
  labourId: row.id,
  personId: row.personId,
  workItemId: row.workItemId,
  workedOn: row.workedOn,
  hours: row.hours,
});

/**
 * A hacker or officer confirms or rejects logged hours. Confirmed hours become a funding row
 * (source `labour`, its reference the entry), so the vote weight and the patronage count them.
 * Nobody confirms their own hours.
 */
export const decideSponsorLabour = defineCommand({
  name: 'governance.decideSponsorLabour',
  input: z.discriminatedUnion('decision', [
    z.strictObject({ labourId: z.uuid(), decision: z.literal('confirm') }),
    z.strictObject({
      labourId: z.uuid(),
      decision: z.literal('reject'),
      reason: labourReasonSchema,
    }),
  ]),
  policy: governancePolicy.decideSponsorLabour,
  denied: 'Hackers and officers confirm the labour sponsors give.',
  events: [sponsorLabourConfirmed, sponsorLabourRejected],
  async run(tx, input, ctx) {
    const row = await labourRow(tx, ctx.coopId, input.labourId);
    if (row.personId === ctx.actor.personId)
      throw forbidden('Someone else confirms the hours you logged.').because('labour.own-hours');
    if (row.status !== 'logged')
      throw conflict(`These hours are ${row.status} already.`, [
        { pointer: '/labourId', message: `already ${row.status}` },
      ]).because('labour.already-decided', { status: row.status });
    const decided = { decidedBy: ctx.actor.personId, decidedAt: ctx.clock.now() };
    if (input.decision === 'reject') {
      await tx
        .update(sponsorLabour)
        .set({ ...decided, status: 'rejected', reason: input.reason })
        .where(and(eq(sponsorLabour.coopId, ctx.coopId), eq(sponsorLabour.id, row.id)));
      await ctx.emit(sponsorLabourRejected, row.organizationId, {
        ...payload(row),
        reason: input.reason,
      });
      return;
    }
    await assertOpen(tx, ctx.coopId, row.workedOn);
    const [counted] = await tx
      .insert(funding)
      .values({
        coopId: ctx.coopId,
        organizationId: row.organizationId,
        receivedOn: row.workedOn,
        currency: await coopCurrency(tx, ctx.coopId),
        labourHours: row.hours,
        source: 'labour',
        sourceRef: row.id,
        recordedBy: ctx.actor.personId,
        note: row.note,
      })
      .returning({ id: funding.id });
    await tx
      .update(sponsorLabour)
      .set({ ...decided, status: 'confirmed' })
      .where(and(eq(sponsorLabour.coopId, ctx.coopId), eq(sponsorLabour.id, row.id)));
    await ctx.emit(sponsorLabourConfirmed, row.organizationId, {
      ...payload(row),
      fundingId: counted!.id,
    });
  },
});

/** Confirmed hours found wrong later: a counter-row takes them back out; the history stays. */
export const reverseSponsorLabour = defineCommand({
  name: 'governance.reverseSponsorLabour',
  input: z.strictObject({ labourId: z.uuid(), reason: labourReasonSchema }),
  policy: governancePolicy.decideSponsorLabour,
  denied: 'Hackers and officers confirm and reverse the labour sponsors give.',
  events: [sponsorLabourReversed],
  async run(tx, input, ctx) {
    const row = await labourRow(tx, ctx.coopId, input.labourId);
    if (row.status !== 'confirmed')
      throw conflict(`Only confirmed hours are reversed; these are ${row.status}.`, [
        { pointer: '/labourId', message: `${row.status}, not confirmed` },
      ]).because('labour.not-confirmed', { status: row.status });
    await assertOpen(tx, ctx.coopId, row.workedOn);
    const [counter] = await tx
      .insert(funding)
      .values({
        coopId: ctx.coopId,
        organizationId: row.organizationId,
        receivedOn: row.workedOn,
        currency: await coopCurrency(tx, ctx.coopId),
        labourHours: -row.hours,
        source: 'labour-reversal',
        sourceRef: row.id,
        recordedBy: ctx.actor.personId,
        note: input.reason,
      })
      .returning({ id: funding.id });
    await tx
      .update(sponsorLabour)
      .set({
        status: 'reversed',
        reason: input.reason,
        decidedBy: ctx.actor.personId,
        decidedAt: ctx.clock.now(),
      })
      .where(and(eq(sponsorLabour.coopId, ctx.coopId), eq(sponsorLabour.id, row.id)));
    await ctx.emit(sponsorLabourReversed, row.organizationId, {
      ...payload(row),
      fundingId: counter!.id,
      reason: input.reason,
    });
  },
});
