import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { cycleSponsorVoted } from '../events.ts';
import { governancePolicy } from '../policy.ts';
import { assertPhase, assertSliceItems, loadCycle } from '../repository.ts';
import { sponsorPoints } from '../schema.ts';
import { sponsorPointsInputSchema } from '../sponsorPointsRule.ts';

/**
 * A sponsor representative spreads their organization's 100 points over the cycle's sponsor
 * items. The organization has one set of points: a colleague's later vote replaces it.
 */
export const castSponsorPoints = defineCommand({
  name: 'governance.castSponsorPoints',
  input: z.strictObject({ cycleId: z.uuid(), ...sponsorPointsInputSchema.shape }),
  policy: governancePolicy.voteAsSponsor,
  denied: 'Only sponsor representatives vote on sponsor items.',
  events: [cycleSponsorVoted],
  async run(tx, { cycleId, points }, ctx) {
    const coopId = ctx.coopId;
    const organizationId = ctx.actor.membership!.organizationId!;
    assertPhase(await loadCycle(tx, coopId, cycleId, true), ['voting'], 'voting');
    const ids = Object.keys(points);
    await assertSliceItems(tx, coopId, cycleId, 'sponsors', ids, '/points');
    await tx
      .delete(sponsorPoints)
      .where(
        and(
          eq(sponsorPoints.coopId, coopId),
          eq(sponsorPoints.cycleId, cycleId),
          eq(sponsorPoints.organizationId, organizationId),
        ),
      );
    const rows = Object.entries(points)
      .filter(([, p]) => p > 0)
      .map(([workItemId, p]) => ({
        coopId,
        cycleId,
        organizationId,
        workItemId,
        points: p,
        castBy: ctx.actor.personId!,
      }));
    if (rows.length > 0) await tx.insert(sponsorPoints).values(rows);
    await ctx.emit(cycleSponsorVoted, cycleId, {
      organizationId,
      points: Object.fromEntries(rows.map((r) => [r.workItemId, r.points])),
    });
  },
});
