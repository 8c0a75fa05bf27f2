import { and, eq } from 'drizzle-orm';
import type { CommandContext } from '../../platform/commands.ts';
import { badRequest } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/policy.ts';
import { checkSurveyBallot } from '../plan/surveyBallot.ts';
import { governancePolicy } from '../policy.ts';
import { assertPhase, loadCycle } from '../repository.ts';
import { surveyBallots, workItems } from '../schema.ts';

/**
 * One member, one ballot: the primary key (cycle, member) makes a second ballot, even two sent
 * at the same instant, replace the first rather than count twice.
 */
export async function castSurveyBallot(ctx: CommandContext, cycleId: string, ballot: unknown) {
  authorize(
    ctx.actor,
    governancePolicy.voteInSurvey,
    undefined,
    'Only community members answer the community survey.',
  );
  const coopId = ctx.actor.coopId;
  const personId = ctx.actor.personId!;
  await ctx.db.transaction(async (tx) => {
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
    if (!checked.ballot)
      throw badRequest(
        checked.problems.map((p) => `${p.pointer}: ${p.message}`).join('; '),
        checked.problems,
      );
    const [row] = await tx
      .insert(surveyBallots)
      .values({ coopId, cycleId, personId, ballot: checked.ballot })
      .onConflictDoUpdate({
        target: [surveyBallots.coopId, surveyBallots.cycleId, surveyBallots.personId],
        set: { ballot: checked.ballot, castAt: new Date() },
      })
      .returning({ castAt: surveyBallots.castAt });
    // Who took part is recorded; what they chose stays in the survey table.
    await appendEvent(tx, {
      coopId,
      type: 'cycle.survey-answered',
      actorId: personId,
      subjectType: 'cycle',
      subjectId: cycleId,
      data: { method: cycle.surveyMethod, castAt: row!.castAt.toISOString() },
    });
  });
}
