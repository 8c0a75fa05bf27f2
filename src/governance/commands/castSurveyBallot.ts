import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { cycleSurveyAnswered } from '../events.ts';
import {
  checkSurveyBallot,
  surveyBallotInputSchema,
  surveyBallotRefusal,
} from '../plan/surveyBallot.ts';
import { governancePolicy } from '../policy.ts';
import { assertPhase, loadCycle } from '../repository.ts';
import { surveyBallots, workItems } from '../schema.ts';

/**
 * One member, one ballot: the primary key (cycle, member) makes a second ballot, even two sent
 * at the same instant, replace the first rather than count twice. The ballot's shape depends on
 * the cycle's survey method, so it is checked here, once the cycle is read.
 */
export const castSurveyBallot = defineCommand({
  name: 'governance.castSurveyBallot',
  input: z.strictObject({ cycleId: z.uuid(), ...surveyBallotInputSchema.shape }),
  policy: governancePolicy.voteInSurvey,
  denied: 'Only community members answer the community survey.',
  events: [cycleSurveyAnswered],
  async run(tx, { cycleId, ballot }, ctx) {
    const coopId = ctx.coopId;
    const personId = ctx.actor.personId!;
    const cycle = await loadCycle(tx, coopId, cycleId);
    assertPhase(cycle, ['voting'], 'voting');
    const items = await tx
      .select({ id: workItems.id })
      .from(workItems)
      .where(
        and(
          eq(workItems.coopId, coopId),
          eq(workItems.cycleId, cycleId),
          eq(workItems.originClass, 'community'),
          eq(workItems.status, 'proposed'),
        ),
      );
    const checked = checkSurveyBallot(
      cycle.surveyMethod,
      ballot,
      new Set(items.map((i) => i.id)),
      cycle.quadraticCredits,
    );
    if (!checked.ballot) throw surveyBallotRefusal(checked.problems);
    const castAt = ctx.clock.now();
    const [row] = await tx
      .insert(surveyBallots)
      .values({ coopId, cycleId, personId, ballot: checked.ballot, castAt })
      .onConflictDoUpdate({
        target: [surveyBallots.coopId, surveyBallots.cycleId, surveyBallots.personId],
        set: { ballot: checked.ballot, castAt },
      })
      .returning({ castAt: surveyBallots.castAt });
    // Who took part is recorded; what they chose stays in the survey table.
    await ctx.emit(cycleSurveyAnswered, cycleId, {
      method: cycle.surveyMethod,
      castAt: row!.castAt.toISOString(),
    });
  },
});
