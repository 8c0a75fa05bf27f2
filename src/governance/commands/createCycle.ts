import { z } from 'zod';
import { currentBylaws } from '../../bylaws/repository.ts';
import { addMonths } from '../../members/commands/appointOfficer.ts';
import type { CommandContext } from '../../platform/commands.ts';
import { appendEvent } from '../../platform/events.ts';
import { enqueueJob } from '../../platform/jobs.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { governancePolicy } from '../policy.ts';
import { cycles, surveyMethods } from '../schema.ts';

export const createCycleInputSchema = z
  .strictObject({
    title: z.string().trim().min(2).max(200),
    votingOpensAt: z.coerce.date(),
    votingClosesAt: z.coerce.date(),
    startsOn: z.iso.date(),
    /** Defaults to the bylaws' cycle length. */
    endsOn: z.iso.date().optional(),
    surveyMethod: z.enum(surveyMethods),
    quadraticCredits: z.number().int().min(1).max(10_000).default(100),
  })
  .refine((c) => c.votingClosesAt > c.votingOpensAt, {
    message: 'voting must close after it opens',
    path: ['votingClosesAt'],
  })
  .refine((c) => !c.endsOn || c.endsOn > c.startsOn, {
    message: 'the cycle must end after it starts',
    path: ['endsOn'],
  })
  .meta({ id: 'NewCycle' });

/** Opens a cycle for proposals; a job moves it to voting, and on, at each deadline. */
export async function createCycle(
  ctx: CommandContext,
  input: z.input<typeof createCycleInputSchema>,
) {
  authorize(ctx.actor, governancePolicy.manageCycles, undefined);
  const parsed = parseInput(createCycleInputSchema, input);
  const coopId = ctx.actor.coopId;
  return ctx.db.transaction(async (tx) => {
    const bylaws = await currentBylaws(tx, coopId);
    const endsOn = parsed.endsOn ?? addMonths(parsed.startsOn, bylaws.document.cycle.lengthMonths);
    const [cycle] = await tx
      .insert(cycles)
      .values({
        coopId,
        title: parsed.title,
        votingOpensAt: parsed.votingOpensAt,
        votingClosesAt: parsed.votingClosesAt,
        startsOn: parsed.startsOn,
        endsOn,
        surveyMethod: parsed.surveyMethod,
        quadraticCredits: parsed.quadraticCredits,
        bylawsVersion: bylaws.version,
        createdBy: ctx.actor.personId,
      })
      .returning();
    await enqueueJob(tx, {
      coopId,
      kind: 'cycle.advance',
      payload: { cycleId: cycle!.id, from: 'proposing' },
      runAt: parsed.votingOpensAt,
      dedupeKey: `${cycle!.id}:proposing`,
    });
    await appendEvent(tx, {
      coopId,
      type: 'cycle.created',
      actorId: ctx.actor.personId,
      subjectType: 'cycle',
      subjectId: cycle!.id,
      data: {
        title: parsed.title,
        surveyMethod: parsed.surveyMethod,
        startsOn: parsed.startsOn,
        endsOn,
        bylawsVersion: bylaws.version,
      },
    });
    return cycle!;
  });
}
