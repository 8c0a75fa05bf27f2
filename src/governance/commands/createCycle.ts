import { bylawsInForce } from '../../bylaws/repository.ts';
import { addMonths } from '../../members/commands/appointOfficer.ts';
import { defineCommand } from '../../platform/commands.ts';
import { enqueueJob } from '../../platform/jobs.ts';
import { cycleCreated } from '../events.ts';
import { governancePolicy } from '../policy.ts';
import { createCycleInputSchema } from '../cycleInput.ts';
import { cycles } from '../schema.ts';

/** Opens a cycle for proposals; a job moves it to voting, and on, at each deadline. */
export const createCycle = defineCommand({
  name: 'governance.createCycle',
  input: createCycleInputSchema,
  policy: governancePolicy.manageCycles,
  events: [cycleCreated],
  async run(tx, input, ctx) {
    const coopId = ctx.coopId;
    const bylaws = await bylawsInForce(tx, coopId, ctx.clock.today());
    const endsOn = input.endsOn ?? addMonths(input.startsOn, bylaws.document.cycle.lengthMonths);
    const [cycle] = await tx
      .insert(cycles)
      .values({
        coopId,
        title: input.title,
        votingOpensAt: input.votingOpensAt,
        votingClosesAt: input.votingClosesAt,
        startsOn: input.startsOn,
        endsOn,
        surveyMethod: input.surveyMethod,
        quadraticCredits: input.quadraticCredits,
        bylawsVersion: bylaws.version,
        createdBy: ctx.actor.personId,
      })
      .returning();
    await enqueueJob(tx, {
      coopId,
      kind: 'cycle.advance',
      payload: { cycleId: cycle!.id, from: 'proposing' },
      runAt: input.votingOpensAt,
      dedupeKey: `${cycle!.id}:proposing`,
    });
    await ctx.emit(cycleCreated, cycle!.id, {
      title: input.title,
      surveyMethod: input.surveyMethod,
      startsOn: input.startsOn,
      endsOn,
      bylawsVersion: bylaws.version,
    });
    return cycle!;
  },
});
