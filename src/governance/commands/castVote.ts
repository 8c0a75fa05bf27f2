import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand, type RunContext } from '../../platform/commands.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import { newToken, sha256 } from '../../platform/tokens.ts';
import { pollVoteChanged, pollVoted } from '../events.ts';
import { governancePolicy } from '../policy.ts';
import { electorateClasses, keepsClasses, loadOptions, loadPoll } from '../polls/pollRepository.ts';
import { sealBallot } from '../polls/ballotSeal.ts';
import { pollBallots, pollParticipation } from '../schema.ts';
import { checkBallotContent, voteInputSchema } from '../voteInput.ts';

/**
 * A secret ballot's key to change it: a hash of the receipt that is not the one published with
 * the ballot at the close, so nothing stored during the vote matches a published ballot.
 */
const changeKey = (receipt: string) => sha256(`change:${receipt}`);

const ballotKey = (ctx: RunContext): Buffer => {
  if (!ctx.secrets) throw new Error('a secret ballot needs the ballot key (loadSecrets)');
  return ctx.secrets.ballotKey;
};

/**
 * Casts or changes a ballot until the close. Who voted goes to one table, what was voted to
 * another. A secret ballot is sealed under a key the database never holds, with nothing beside
 * it that the published ballots will match; only the voter's receipt finds it again. Returns
 * the receipt.
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
    // The poll's row lock orders the votes: the close, which takes the same lock, counts only
    // votes that committed before it.
    const poll = await loadPoll(tx, coopId, pollId, true);
    const now = ctx.clock.now();
    if (poll.status !== 'open' || now < poll.opensAt)
      throw conflict('This vote is not open.').because('poll.not-open');
    if (now >= poll.closesAt) throw conflict('This vote has closed.').because('poll.closed');
    if (!electorateClasses(poll).includes(voterClass))
      throw forbidden(
        `Only ${electorateClasses(poll).join(' and ')} members vote on this.`,
      ).because('vote.not-in-electorate', { classes: electorateClasses(poll).join(',') });
    const options = await loadOptions(tx, coopId, pollId);
    const checked = checkBallotContent(poll.method, options.length, input.content);
    if (checked.refusal) throw checked.refusal;
    const { content } = checked;
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
    const receipt = already ? input.receipt : freshReceipt;
    if (already && secret && !receipt)
      throw conflict(
        'You have voted. To change a secret ballot, give the receipt you were shown.',
      ).because('vote.receipt-needed');
    // A secret ballot is sealed: only the close opens it (polls/ballotSeal.ts).
    const ballot = secret
      ? {
          content: null,
          voterClass: null,
          sealed: sealBallot(ballotKey(ctx), coopId, pollId, {
            content,
            voterClass: keepsClasses(poll) ? voterClass : null,
            fingerprint: sha256(receipt!),
          }),
        }
      : { content, voterClass, sealed: null };
    if (already) {
      // A change: an open ballot is found by its voter, a secret one only by its receipt. A
      // secret ballot cast before ballots were sealed is found by its old hash, and sealed now.
      const where = secret
        ? and(
            eq(pollBallots.pollId, pollId),
            inArray(pollBallots.receiptHash, [changeKey(receipt!), sha256(receipt!)]),
          )
        : and(eq(pollBallots.pollId, pollId), eq(pollBallots.personId, personId));
      const changed = await tx
        .update(pollBallots)
        .set(secret ? { ...ballot, receiptHash: changeKey(receipt!) } : ballot)
        .where(and(eq(pollBallots.coopId, coopId), where))
        .returning({ id: pollBallots.id });
      if (changed.length === 0)
        throw conflict('No ballot has this receipt.').because('vote.unknown-receipt');
    } else {
      await tx.insert(pollParticipation).values({ coopId, pollId, personId });
      await tx.insert(pollBallots).values({
        coopId,
        pollId,
        receiptHash: secret ? changeKey(freshReceipt) : sha256(freshReceipt),
        personId: secret ? null : personId,
        ...ballot,
      });
    }
    // What was voted is never in the event log: it would undo the secrecy.
    await ctx.emit(already ? pollVoteChanged : pollVoted, pollId, {});
    return { receipt: receipt ?? null, changed: Boolean(already) };
  },
  // Two first ballots from one member at the same instant: the second meets the key.
  mapError: (error) =>
    isUniqueViolation(error)
      ? conflict('You have already voted on this.').because('vote.already-cast')
      : error,
});
