import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { memberships } from '../../members/schema.ts';
import { defineCommand } from '../../platform/commands.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import {
  electionNominated,
  electionNominationAccepted,
  electionNominationDeclined,
} from '../events.ts';
import { governancePolicy } from '../policy.ts';
import { loadPoll } from '../polls/pollRepository.ts';
import { nominationInputSchema } from '../nominationInput.ts';
import { nominations } from '../schema.ts';

/** Any member nominates an active member (themselves included) while nominations are open. */
export const nominate = defineCommand({
  name: 'governance.nominate',
  input: z.strictObject({ pollId: z.uuid(), ...nominationInputSchema.shape }),
  policy: governancePolicy.takePart,
  events: [electionNominated],
  async run(tx, { pollId, personId, statement }, ctx) {
    const coopId = ctx.coopId;
    const poll = await loadPoll(tx, coopId, pollId);
    if (poll.kind !== 'election' || poll.status !== 'nominating')
      throw conflict('Nominations are closed.').because('nomination.closed');
    const [member] = await tx
      .select({ status: memberships.status })
      .from(memberships)
      .where(and(eq(memberships.coopId, coopId), eq(memberships.personId, personId)));
    if (member?.status !== 'active')
      throw conflict('Only an active member can stand.').because('nomination.not-active');
    const self = personId === ctx.actor.personId;
    const inserted = await tx
      .insert(nominations)
      .values({
        coopId,
        pollId,
        personId,
        nominatedBy: ctx.actor.personId!,
        statement,
        acceptedAt: self ? ctx.clock.now() : null,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0)
      throw conflict('This member is already nominated.').because('nomination.already');
    await ctx.emit(electionNominated, pollId, { personId, accepted: self });
  },
});

/** The nominee accepts or declines; only accepted nominees are on the ballot. */
export const answerNomination = defineCommand({
  name: 'governance.answerNomination',
  input: z.strictObject({ pollId: z.uuid(), accept: z.boolean() }),
  policy: governancePolicy.takePart,
  events: [electionNominationAccepted, electionNominationDeclined],
  async run(tx, { pollId, accept }, ctx) {
    const coopId = ctx.coopId;
    const personId = ctx.actor.personId;
    if (!personId) throw forbidden().because('forbidden');
    const poll = await loadPoll(tx, coopId, pollId);
    if (poll.status !== 'nominating')
      throw conflict('Nominations are closed.').because('nomination.closed');
    const now = ctx.clock.now();
    const [row] = await tx
      .update(nominations)
      .set(accept ? { acceptedAt: now, declinedAt: null } : { declinedAt: now, acceptedAt: null })
      .where(
        and(
          eq(nominations.coopId, coopId),
          eq(nominations.pollId, pollId),
          eq(nominations.personId, personId),
        ),
      )
      .returning();
    if (!row) throw notFound('Your nomination');
    await ctx.emit(accept ? electionNominationAccepted : electionNominationDeclined, pollId, {});
  },
});
