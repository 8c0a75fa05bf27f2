import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { badRequest, conflict, forbidden } from '../../platform/errors.ts';
import { newToken, sha256 } from '../../platform/tokens.ts';
import { fieldErrors } from '../../platform/validation.ts';
import { pollVoteChanged, pollVoted } from '../events.ts';
import { governancePolicy } from '../policy.ts';
import { ballotContentSchema } from '../polls/ballotContent.ts';
import { electorateClasses, loadOptions, loadPoll } from '../polls/pollRepository.ts';
import { shuffleBallots } from '../polls/shuffleBallots.ts';
import { pollBallots, pollParticipation } from '../schema.ts';

export const voteInputSchema = z
  .strictObject({
    content: z.unknown(),
    /** To change a secret ballot: the receipt given when it was first cast. */
    receipt: z.string().min(20).max(100).optional(),
  })
  .meta({ id: 'Vote' });

/**
 * Casts or changes a ballot until the close. Who voted goes to one table, what was voted to
 * another; for a secret poll the ballot row holds only the hash of a receipt that the voter
 * alone receives. Returns the receipt.
 */
export const castVote = defineCommand({
  name: 'governance.castVote',
  input: z.strictObject({ pollId: z.uuid(), ...voteInputSchema.shape }),
  policy: governancePolicy.takePart,
  denied: 'Only active members vote.',
  events: [pollVoted, pollVoteChanged],
  // A first ballot's receipt, drawn before the transaction like any token.
  prepare: () => Promise.resolve(newToken()),
  async run(tx, input, ctx, freshReceipt) {
    const { pollId } = input;
    const coopId = ctx.coopId;
    const personId = ctx.actor.personId!;
    const voterClass = ctx.actor.membership!.memberClass;
    // The poll's row lock orders the votes: a secret poll's reshuffle rewrites every ballot,
    // and the close, which takes the same lock, counts only votes that committed before it.
    const poll = await loadPoll(tx, coopId, pollId, true);
    const now = ctx.clock.now();
    if (poll.status !== 'open' || now < poll.opensAt) throw conflict('This vote is not open.');
    if (now >= poll.closesAt) throw conflict('This vote has closed.');
    if (!electorateClasses(poll).includes(voterClass))
      throw forbidden(`Only ${electorateClasses(poll).join(' and ')} members vote on this.`);
    const options = await loadOptions(tx, coopId, pollId);
    const parsed = ballotContentSchema(poll.method, options.length).safeParse(input.content);
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error).map((e) => ({
        ...e,
        pointer: `/content${e.pointer}`,
      }));
      throw badRequest(errors.map((e) => `${e.pointer}: ${e.message}`).join('; '), errors);
    }
    const content = parsed.data;
    const secret = poll.secret === 1;
    const [already] = await tx
      .select()
      .from(pollParticipation)
      .where(
        and(
          eq(pollParticipation.coopId, coopId),
          eq(pollParticipation.pollId, pollId),
          eq(pollParticipation.personId, personId),
        ),
      );
    let receipt: string;
    if (already) {
      // A change: an open ballot is found by its voter, a secret one only by its receipt.
      const where = secret
        ? input.receipt
          ? and(eq(pollBallots.pollId, pollId), eq(pollBallots.receiptHash, sha256(input.receipt)))
          : undefined
        : and(eq(pollBallots.pollId, pollId), eq(pollBallots.personId, personId));
      if (!where)
        throw conflict(
          'You have voted. To change a secret ballot, give the receipt you were shown.',
        );
      const changed = await tx
        .update(pollBallots)
        .set({ content })
        .where(and(eq(pollBallots.coopId, coopId), where))
        .returning({ id: pollBallots.id });
      if (changed.length === 0) throw conflict('No ballot has this receipt.');
      receipt = input.receipt ?? '';
    } else {
      await tx.insert(pollParticipation).values({ coopId, pollId, personId });
      receipt = freshReceipt;
      await tx.insert(pollBallots).values({
        coopId,
        pollId,
        receiptHash: sha256(receipt),
        personId: secret ? null : personId,
        voterClass,
        content,
      });
    }
    if (secret) await shuffleBallots(tx, coopId, pollId);
    // What was voted is never in the event log: it would undo the secrecy.
    await ctx.emit(already ? pollVoteChanged : pollVoted, pollId, {});
    return { receipt: receipt || null, changed: Boolean(already) };
  },
  // Two first ballots from one member at the same instant: the second meets the key.
  mapError: (error) =>
    isUniqueViolation(error) ? conflict('You have already voted on this.') : error,
});
