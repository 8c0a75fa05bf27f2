import { createHash, randomInt } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Executor, Tx } from '../../platform/db/database.ts';
import { canonicalJson } from '../../transparency/core/canonicalJson.ts';
import type { Secrets } from '../../platform/secrets.ts';
import { pollBallots } from '../schema.ts';
import type { BallotContent } from './ballotContent.ts';
import { openBallot } from './ballotSeal.ts';
import { countPoll, type CastBallot, type PollResult, type PollToCount } from './countPoll.ts';

export interface PublishedBallot {
  voterClass: string | null;
  content: unknown;
}

/** A closed poll's ballot as the poll's page (GET /api/polls/{id}) publishes it. */
export interface ListedBallot {
  receiptHash: string;
  voterClass: string | null;
  content: unknown;
  personId: string | null;
}

/**
 * A closed poll's published ballots, in the order they are published (by receipt fingerprint):
 * the poll's page and the commitment in `poll.closed` read them here, so the commitment covers
 * exactly what is published (a secret ballot has no person and its class only where counted).
 */
export function listPublishedBallots(
  executor: Executor,
  coopId: string,
  pollId: string,
): Promise<ListedBallot[]> {
  return executor
    .select({
      receiptHash: pollBallots.receiptHash,
      voterClass: pollBallots.voterClass,
      content: pollBallots.content,
      personId: pollBallots.personId,
    })
    .from(pollBallots)
    .where(and(eq(pollBallots.coopId, coopId), eq(pollBallots.pollId, pollId)))
    .orderBy(asc(pollBallots.receiptHash));
}

/**
 * The commitment `poll.closed` carries to the published ballots: SHA-256 (lowercase hex) of
 * their RFC 8785 JSON, as an array in published order. Anyone holding the published ballots
 * recomputes it; a ballot changed, added, dropped or moved changes it.
 */
export const publishedBallotsSha256 = (ballots: readonly ListedBallot[]): string =>
  createHash('sha256').update(canonicalJson(ballots), 'utf8').digest('hex');

/**
 * At a secret poll's close: opens every sealed ballot, shuffles them (Fisher-Yates over a
 * cryptographic random source) and replaces the poll's ballot rows by the published ones,
 * written in that order in this one transaction: each carries what was voted, the SHA-256 of
 * its receipt, and a class only when the count needs it (class-balanced, or a majority in each
 * class). Nothing of a published row
 * (its id, its place, the transaction that wrote it) was there while the poll was open.
 * Ballots cast before ballots were sealed are already open and are published the same way.
 */
export async function publishSecretBallots(
  tx: Tx,
  coopId: string,
  pollId: string,
  keepClasses: boolean,
  secrets: Secrets | undefined,
): Promise<PublishedBallot[]> {
  const stored = await tx
    .delete(pollBallots)
    .where(and(eq(pollBallots.coopId, coopId), eq(pollBallots.pollId, pollId)))
    .returning({
      receiptHash: pollBallots.receiptHash,
      voterClass: pollBallots.voterClass,
      content: pollBallots.content,
      sealed: pollBallots.sealed,
    });
  const opened = stored.map((row) => {
    if (!row.sealed)
      return { fingerprint: row.receiptHash, voterClass: row.voterClass, content: row.content };
    if (!secrets) throw new Error('opening secret ballots needs the ballot key (loadSecrets)');
    return openBallot(secrets.ballotKey, coopId, pollId, row.sealed);
  });
  for (let i = opened.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [opened[i], opened[j]] = [opened[j]!, opened[i]!];
  }
  const published = opened.map((b) => ({
    coopId,
    pollId,
    receiptHash: b.fingerprint,
    voterClass: keepClasses ? b.voterClass : null,
    content: b.content,
  }));
  for (let i = 0; i < published.length; i += 1000)
    await tx.insert(pollBallots).values(published.slice(i, i + 1000));
  return published.map((b) => ({ voterClass: b.voterClass, content: b.content }));
}

/**
 * Per-class figures are published only where the count is class-balanced (`minimum` set), and
 * there only for a class with at least `minimum` ballots: below that they are a person's vote.
 * Without a class-balanced count, the result keeps only the totals of all ballots.
 */
export function withholdClassFigures(
  result: PollResult,
  minimum: number | null,
  ballots: readonly { voterClass: string }[],
): void {
  const cast = new Map<string, number>();
  for (const b of ballots) cast.set(b.voterClass, (cast.get(b.voterClass) ?? 0) + 1);
  const shown = (cls: string) =>
    cls === 'all' || (minimum !== null && (cast.get(cls) ?? 0) >= minimum);
  const withheld = Object.keys(result.totals).filter((cls) => !shown(cls));
  result.totals = Object.fromEntries(Object.entries(result.totals).filter(([cls]) => shown(cls)));
  const kept = result.explanation.map(
    (line) => !withheld.some((cls) => line.startsWith(`${cls}: `)),
  );
  result.explanation = result.explanation.filter((_, i) => kept[i]);
  // The facts run beside the lines: the same lines go.
  if (result.explanationFacts)
    result.explanationFacts = result.explanationFacts.filter((_, i) => kept[i]);
  if (minimum !== null)
    for (const cls of withheld) {
      result.explanation.push(`${cls}: fewer than ${minimum} ballots, its figures withheld.`);
      result.explanationFacts?.push({ code: 'withheld', params: { class: cls, minimum } });
    }
}

/** What a poll was counted with: published in its result, so anyone can count again. */
export interface CountedAs extends PollToCount {
  /** Class-balanced counts: the fewest ballots for which a class's own figures are shown. */
  minimumClassBallots: number | null;
}

/** Whether a count needs each ballot's class: class-balanced, or a majority in each class. */
export const countsByClass = (countedAs: PollToCount): boolean =>
  countedAs.classWeights !== null || Boolean(countedAs.requiredClasses);

/** The count as published: the same from the close and from `coop count-poll`. */
export function countPublished(countedAs: CountedAs, ballots: readonly CastBallot[]): PollResult {
  const { minimumClassBallots, ...toCount } = countedAs;
  const result = countPoll(toCount, ballots);
  withholdClassFigures(result, countsByClass(countedAs) ? minimumClassBallots : null, ballots);
  return result;
}

/**
 * Classes count only where the count needs them (class-balanced, or a majority in each class);
 * elsewhere no class is kept or published.
 */
export const countableBallots = (
  classBalanced: boolean,
  ballots: readonly { voterClass: string | null; content: unknown }[],
): CastBallot[] =>
  ballots.map((b) => ({
    voterClass: classBalanced ? (b.voterClass ?? 'unknown') : 'member',
    content: b.content as BallotContent,
  }));
