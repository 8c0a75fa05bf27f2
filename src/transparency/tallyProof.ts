import { z } from 'zod';
import { pollClosed } from '../governance/events.ts';
import { ballotContentSchema } from '../governance/polls/ballotContent.ts';
import {
  countableBallots,
  countPublished,
  countsByClass,
  publishedBallotsSha256,
} from '../governance/polls/publishBallots.ts';

/**
 * A published ballot in a tally's proof file, as the poll's page publishes it. Strict, so that
 * what is hashed is all the file holds: a field added by hand is refused, not silently dropped.
 */
export const provedBallotSchema = z
  .strictObject({
    receiptHash: z.string(),
    voterClass: z.string().nullable(),
    content: z.unknown(),
    personId: z.string().nullable(),
  })
  .meta({ id: 'LogProofBallot' });

export type ProvedBallot = z.infer<typeof provedBallotSchema>;

type TallyVerdict = { valid: true; lines: string[] } | { valid: false; reason: string };

/**
 * What `coop log check` adds for a logged tally (`poll.closed`), once the leaf is proved: the
 * ballots in the file hash to the commitment the logged event holds, and counted again by the
 * product's own counting code (the same as the close and `coop count-poll`) they give the
 * logged outcome. A poll closed before the log committed to ballots proves its outcome only.
 */
export function checkTallyProof(data: unknown, ballots: ProvedBallot[] | undefined): TallyVerdict {
  const parsed = pollClosed.data.safeParse(data);
  if (!parsed.success)
    return { valid: false, reason: 'the logged tally is not a poll.closed record' };
  const logged = parsed.data;
  const outcome = describeOutcome(logged);
  if (!logged.ballotsSha256 || !logged.countedAs)
    return {
      valid: true,
      lines: [
        `tally: ${outcome}, from ${logged.ballots} ballot(s), as logged`,
        'ballots: NOT committed: this poll closed before the log recorded a hash of its ballots, so the file proves the outcome, not the ballots it was counted from',
      ],
    };
  if (!ballots)
    return {
      valid: true,
      lines: [
        `tally: ${outcome}, from ${logged.ballots} ballot(s), as logged`,
        `ballots: committed as SHA-256 ${logged.ballotsSha256}, but not in this file (a member's proof file carries them): not recounted`,
      ],
    };
  const sha = publishedBallotsSha256(ballots);
  if (sha !== logged.ballotsSha256)
    return {
      valid: false,
      reason: `the ballots are not the ones logged: they hash to ${sha}, the logged tally commits to ${logged.ballotsSha256}`,
    };
  const countedAs = logged.countedAs;
  const content = ballotContentSchema(countedAs.method, countedAs.options.length);
  for (const [i, b] of ballots.entries())
    if (!content.safeParse(b.content).success)
      return { valid: false, reason: `ballot ${i + 1} is not a ${countedAs.method} ballot` };
  const recount = countPublished(
    { ...countedAs, requiredClasses: countedAs.requiredClasses ?? null },
    countableBallots(countsByClass(countedAs), ballots),
  );
  const recounted = {
    ballots: recount.ballots,
    quorumMet: recount.quorumMet,
    passed: recount.passed ?? null,
    chosen: recount.chosen,
  };
  const recountOutcome = describeOutcome(recounted);
  if (
    recounted.ballots !== logged.ballots ||
    recounted.quorumMet !== logged.quorumMet ||
    recounted.passed !== logged.passed ||
    recounted.chosen.join('\n') !== logged.chosen.join('\n')
  )
    return {
      valid: false,
      reason: `the recount differs from the logged tally: counted again, ${recounted.ballots} ballot(s) give "${recountOutcome}"; the log says ${logged.ballots} ballot(s) gave "${outcome}"`,
    };
  return {
    valid: true,
    lines: [
      `ballots: ${ballots.length} published ballot(s) hash to ${sha}, the commitment in the logged tally`,
      `recount: counted again by ${countedAs.method}: ${recountOutcome}, the outcome logged`,
    ],
  };
}

function describeOutcome(o: {
  quorumMet: boolean;
  passed: boolean | null;
  chosen: string[];
}): string {
  if (!o.quorumMet) return 'no quorum';
  const chosen = `chosen: ${o.chosen.join(', ') || 'none'}`;
  return o.passed === null ? chosen : `${o.passed ? 'passed' : 'not passed'}, ${chosen}`;
}
