import { and, eq, inArray } from 'drizzle-orm';
import { bylawsVersion } from '../../bylaws/repository.ts';
import { bylawsDocumentSchema } from '../../bylaws/document.ts';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import type { Tx } from '../../platform/db/database.ts';
import { conflict } from '../../platform/errors.ts';
import { enqueueJob } from '../../platform/jobs.ts';
import { withBigIntsAsStrings } from '../../platform/json.ts';
import { cyclePhaseChanged, cyclePlanPublished } from '../events.ts';
import { computePlan } from '../plan/computePlan.ts';
import { surveySupport, type SurveyBallot } from '../plan/surveyBallot.ts';
import { governancePolicy } from '../policy.ts';
import { loadCycle, type Cycle } from '../repository.ts';
import {
  cyclePhases,
  cycles,
  hackerAvailability,
  hackerDeclarations,
  planComputations,
  planItems,
  sponsorPoints,
  surveyBallots,
  workItems,
  type CyclePhase,
} from '../schema.ts';
import { sponsorWeights } from '../sponsorWeights.ts';

const next: Partial<Record<CyclePhase, CyclePhase>> = {
  proposing: 'voting',
  voting: 'planned',
  planned: 'in-progress',
  'in-progress': 'closed',
};

/** When the phase after `phase` begins by itself. */
function deadline(cycle: Cycle, phase: CyclePhase): Date | undefined {
  if (phase === 'voting') return cycle.votingClosesAt;
  if (phase === 'planned') return new Date(`${cycle.startsOn}T00:00:00Z`);
  if (phase === 'in-progress')
    return new Date(new Date(`${cycle.endsOn}T00:00:00Z`).getTime() + 86_400_000);
  return undefined;
}

/** Computes and stores the plan from the cycle's votes; its arithmetic is kept with it. */
async function publishPlan(tx: Tx, cycle: Cycle, now: Date) {
  const coopId = cycle.coopId;
  const bylaws = bylawsDocumentSchema.parse(
    (await bylawsVersion(tx, coopId, cycle.bylawsVersion))!.document,
  );
  const items = await tx
    .select({
      id: workItems.id,
      originClass: workItems.originClass,
      estimateHours: workItems.estimateHours,
    })
    .from(workItems)
    .where(
      and(
        eq(workItems.coopId, coopId),
        eq(workItems.cycleId, cycle.id),
        inArray(workItems.status, ['proposed', 'planned']),
      ),
    )
    .orderBy(workItems.createdAt, workItems.id);
  const of = (slice: string) => items.filter((i) => i.originClass === slice);
  const inCycle = <T extends { coopId: unknown; cycleId: unknown }>(t: T) =>
    and(eq(t.coopId as never, coopId), eq(t.cycleId as never, cycle.id));
  const [availability, points, ballots, declarations] = await Promise.all([
    tx.select().from(hackerAvailability).where(inCycle(hackerAvailability)),
    tx.select().from(sponsorPoints).where(inCycle(sponsorPoints)),
    tx.select().from(surveyBallots).where(inCycle(surveyBallots)),
    tx.select().from(hackerDeclarations).where(inCycle(hackerDeclarations)),
  ]);
  const communityIds = of('community').map((i) => i.id);
  const nested = <R>(
    rows: R[],
    outer: (r: R) => string,
    inner: (r: R) => string,
    value: (r: R) => number,
  ) => {
    const result: Record<string, Record<string, number>> = {};
    for (const r of rows) (result[outer(r)] ??= {})[inner(r)] = value(r);
    return result;
  };
  const communitySupport = surveySupport(
    cycle.surveyMethod,
    ballots.map((b) => b.ballot as SurveyBallot),
    communityIds,
  );
  const plan = computePlan({
    pie: bylaws.pie,
    availability: Object.fromEntries(availability.map((a) => [a.personId, a.hours])),
    sponsorItems: of('sponsors'),
    communityItems: of('community'),
    hackerItems: of('hackers'),
    sponsorWeights: await sponsorWeights(
      tx,
      coopId,
      bylaws,
      cycle.votingClosesAt.toISOString().slice(0, 10),
    ),
    sponsorPoints: nested(
      points,
      (p) => p.organizationId,
      (p) => p.workItemId,
      (p) => p.points,
    ),
    communitySupport: Object.fromEntries(communitySupport),
    declarations: nested(
      declarations,
      (d) => d.personId,
      (d) => d.workItemId,
      (d) => d.hours,
    ),
  });
  const rows = [
    ...plan.sponsor.allocations.map((a) => ({
      ...a,
      slice: 'sponsors' as const,
      support: plan.sponsorSupport[a.id]!,
    })),
    ...plan.community.allocations.map((a) => ({
      ...a,
      slice: 'community' as const,
      support: String(communitySupport.get(a.id) ?? 0n),
    })),
    ...Object.entries(plan.hackerItems).map(([id, hours]) => ({
      id,
      hours,
      capped: id in plan.hackerCapped,
      slice: 'hackers' as const,
      support: String(hours),
    })),
  ];
  await tx.delete(planItems).where(inCycle(planItems));
  if (rows.length > 0)
    await tx.insert(planItems).values(
      rows.map((r) => ({
        coopId,
        cycleId: cycle.id,
        workItemId: r.id,
        slice: r.slice,
        support: r.support,
        hours: r.hours,
        capped: r.capped ? 1 : 0,
      })),
    );
  const planned = rows.filter((r) => r.hours > 0).map((r) => r.id);
  if (planned.length > 0)
    await tx
      .update(workItems)
      .set({ status: 'planned' })
      .where(and(eq(workItems.coopId, coopId), inArray(workItems.id, planned)));
  const computation = withBigIntsAsStrings(plan);
  await tx
    .insert(planComputations)
    .values({ coopId, cycleId: cycle.id, computation, computedAt: now })
    .onConflictDoUpdate({
      target: [planComputations.coopId, planComputations.cycleId],
      set: { computation, computedAt: now },
    });
  return plan;
}

/**
 * Moves a cycle one phase on: by an officer ("close voting now"), or by the co-op itself at the
 * phase's deadline (the job runs it as the system actor). Closing the vote publishes the plan.
 */
export const advanceCycle = defineCommand({
  name: 'governance.advanceCycle',
  input: z.strictObject({ cycleId: z.uuid(), from: z.enum(cyclePhases) }),
  policy: governancePolicy.manageCycles,
  events: [cyclePhaseChanged, cyclePlanPublished],
  async run(tx, { cycleId, from }, ctx) {
    const coopId = ctx.coopId;
    const cycle = await loadCycle(tx, coopId, cycleId, true);
    if (cycle.phase !== from)
      throw conflict(`The cycle is already ${cycle.phase}.`).because('cycle.already-in-phase', {
        phase: cycle.phase,
      });
    const to = next[from];
    if (!to) throw conflict('A closed cycle stays closed.').because('cycle.closed');
    await tx.update(cycles).set({ phase: to }).where(eq(cycles.id, cycleId));
    const due = deadline(cycle, to);
    if (due && next[to])
      await enqueueJob(tx, {
        coopId,
        kind: 'cycle.advance',
        payload: { cycleId, from: to },
        runAt: due,
        dedupeKey: `${cycleId}:${to}`,
      });
    if (to === 'planned') {
      const plan = await publishPlan(tx, cycle, ctx.clock.now());
      await ctx.emit(cyclePlanPublished, cycleId, {
        from,
        to,
        capacity: plan.capacity,
        slices: plan.slices,
      });
    } else await ctx.emit(cyclePhaseChanged, cycleId, { from, to });
    return { phase: to };
  },
});
