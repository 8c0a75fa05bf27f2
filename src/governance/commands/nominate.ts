import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { memberships } from '../../members/schema.ts';
import type { CommandContext } from '../../platform/commands.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { governancePolicy } from '../policy.ts';
import { loadPoll } from '../polls/pollRepository.ts';
import { nominations } from '../schema.ts';

export const nominationInputSchema = z
  .strictObject({ personId: z.uuid(), statement: z.string().max(5_000).default('') })
  .meta({ id: 'Nomination' });

/** Any member nominates an active member (themselves included) while nominations are open. */
export async function nominate(
  ctx: CommandContext,
  pollId: string,
  input: z.input<typeof nominationInputSchema>,
) {
  authorize(ctx.actor, governancePolicy.takePart, undefined);
  const { personId, statement } = parseInput(nominationInputSchema, input);
  const coopId = ctx.actor.coopId;
  await ctx.db.transaction(async (tx) => {
    const poll = await loadPoll(tx, coopId, pollId);
    if (poll.kind !== 'election' || poll.status !== 'nominating')
      throw conflict('Nominations are closed.');
    const [member] = await tx
      .select({ status: memberships.status })
      .from(memberships)
      .where(and(eq(memberships.coopId, coopId), eq(memberships.personId, personId)));
    if (member?.status !== 'active') throw conflict('Only an active member can stand.');
    const self = personId === ctx.actor.personId;
    const inserted = await tx
      .insert(nominations)
      .values({
        coopId,
        pollId,
        personId,
        nominatedBy: ctx.actor.personId!,
        statement,
        acceptedAt: self ? new Date() : null,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw conflict('This member is already nominated.');
    await appendEvent(tx, {
      coopId,
      type: 'election.nominated',
      actorId: ctx.actor.personId,
      subjectType: 'poll',
      subjectId: pollId,
      data: { personId, accepted: self },
    });
  });
}

/** The nominee accepts or declines; only accepted nominees are on the ballot. */
export async function answerNomination(ctx: CommandContext, pollId: string, accept: boolean) {
  authorize(ctx.actor, governancePolicy.takePart, undefined);
  const coopId = ctx.actor.coopId;
  const personId = ctx.actor.personId;
  if (!personId) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const poll = await loadPoll(tx, coopId, pollId);
    if (poll.status !== 'nominating') throw conflict('Nominations are closed.');
    const [row] = await tx
      .update(nominations)
      .set(
        accept
          ? { acceptedAt: new Date(), declinedAt: null }
          : { declinedAt: new Date(), acceptedAt: null },
      )
      .where(
        and(
          eq(nominations.coopId, coopId),
          eq(nominations.pollId, pollId),
          eq(nominations.personId, personId),
        ),
      )
      .returning();
    if (!row) throw notFound('Your nomination');
    await appendEvent(tx, {
      coopId,
      type: accept ? 'election.nomination-accepted' : 'election.nomination-declined',
      actorId: personId,
      subjectType: 'poll',
      subjectId: pollId,
    });
  });
}
