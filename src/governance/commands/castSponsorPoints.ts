import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../platform/commands.ts';
import { appendEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { governancePolicy } from '../policy.ts';
import { assertPhase, assertSliceItems, loadCycle } from '../repository.ts';
import { sponsorPoints } from '../schema.ts';

export const sponsorPointsInputSchema = z
  .strictObject({
    points: z
      .record(z.uuid(), z.number().int().min(0).max(100))
      .refine((p) => Object.values(p).reduce((s, n) => s + n, 0) <= 100, {
        message: 'spread at most 100 points',
      }),
  })
  .meta({ id: 'SponsorPoints' });

/**
 * A sponsor representative spreads their organization's 100 points over the cycle's sponsor
 * items. The organization has one set of points: a colleague's later vote replaces it.
 */
export async function castSponsorPoints(
  ctx: CommandContext,
  cycleId: string,
  input: z.input<typeof sponsorPointsInputSchema>,
) {
  authorize(
    ctx.actor,
    governancePolicy.voteAsSponsor,
    undefined,
    'Only sponsor representatives vote on sponsor items.',
  );
  const parsed = parseInput(sponsorPointsInputSchema, input);
  const coopId = ctx.actor.coopId;
  const organizationId = ctx.actor.membership!.organizationId!;
  await ctx.db.transaction(async (tx) => {
    assertPhase(await loadCycle(tx, coopId, cycleId, true), ['voting'], 'voting');
    const ids = Object.keys(parsed.points);
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
    const rows = Object.entries(parsed.points)
      .filter(([, p]) => p > 0)
      .map(([workItemId, points]) => ({
        coopId,
        cycleId,
        organizationId,
        workItemId,
        points,
        castBy: ctx.actor.personId!,
      }));
    if (rows.length > 0) await tx.insert(sponsorPoints).values(rows);
    await appendEvent(tx, {
      coopId,
      type: 'cycle.sponsor-voted',
      actorId: ctx.actor.personId,
      subjectType: 'cycle',
      subjectId: cycleId,
      data: {
        organizationId,
        points: Object.fromEntries(rows.map((r) => [r.workItemId, r.points])),
      },
    });
  });
}
