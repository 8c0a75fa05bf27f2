import { ballotsFromRankings, tally, type TallyResult } from '../tally/index.ts';
import type { PollMethod } from '../schema.ts';
import type { BallotContent } from './ballotContent.ts';

export type Threshold = 'simple' | 'two-thirds' | 'three-quarters' | 'unanimous';

export interface PollToCount {
  method: PollMethod;
  threshold: Threshold;
  seats: number;
  options: string[];
  quorumPercent: number;
  /** Weight each member class carries in a class-balanced count (the bylaws' pie), or null. */
  classWeights: Record<string, number> | null;
  electorate: number;
  /**
   * An entrenched yes/no question: the classes that must each reach the threshold on their own
   * (the electorate's classes that had members at the close). Absent in results published
   * before entrenchment, which counted without it.
   */
  requiredClasses?: string[] | null;
}

export interface CastBallot {
  voterClass: string;
  content: BallotContent;
}

/**
 * A sentence of the result as facts: a code and the figures it is made of, so that a reader
 * gets it in their own language (the web words each code; `reason` and `explanation` keep the
 * English for the CLI and for results counted before facts were written).
 */
export interface ResultFact {
  code: string;
  params: Record<string, string | number | boolean | string[]>;
}

/**
 * Why the outcome is what it is. Every one carries the turnout (`ballots`, `electorate`,
 * `turnoutPercent` with one decimal, `quorumPercent`); yes/no ones add `yesPercent` (one
 * decimal), `balanced` and `threshold`.
 */
export type ReasonCode =
  | 'quorum-not-reached'
  | 'no-yes-or-no'
  | 'not-reached-in-classes'
  | 'passed'
  | 'not-passed'
  | 'chosen'
  | 'elected';

export interface PollResult {
  electorate: number;
  ballots: number;
  turnoutPercent: string;
  quorumMet: boolean;
  /** yes-no: yes, no, abstain per class and in all; approval/score: points per option. */
  totals: Record<string, Record<string, number>>;
  /** The share of yes among yes and no, after class weighting when balanced, as a decimal. */
  yesShare?: string;
  passed?: boolean;
  /** Options chosen, by label, best first. */
  chosen: string[];
  tally?: TallyResult;
  explanation: string[];
  /**
   * The outcome and why, in one sentence: "Not passed: 45.0% yes among yes and no, more than
   * half needed." Absent from results counted before it was written.
   */
  reason?: string;
  /** `reason` as facts. Absent from results counted before it was written. */
  why?: ResultFact & { code: ReasonCode };
  /** `explanation` line by line as facts, in the same order. */
  explanationFacts?: ResultFact[];
}

const thresholdWords: Record<Threshold, string> = {
  simple: 'more than half',
  'two-thirds': 'at least two thirds',
  'three-quarters': 'at least three quarters',
  unanimous: 'every yes or no to be yes',
};

const thresholdOf: Record<Threshold, [bigint, bigint]> = {
  simple: [1n, 2n],
  'two-thirds': [2n, 3n],
  'three-quarters': [3n, 4n],
  unanimous: [1n, 1n],
};

/** Exact rationals as [numerator, denominator] with BigInt, for weighting without floats. */
type Q = [bigint, bigint];
const add = (a: Q, b: Q): Q => [a[0] * b[1] + b[0] * a[1], a[1] * b[1]];
const decimal = ([n, d]: Q, places = 4): string => {
  const scaled = (n * 10n ** BigInt(places) + d / 2n) / d;
  const s = scaled.toString().padStart(places + 1, '0');
  return `${s.slice(0, -places)}.${s.slice(-places)}`;
};

/**
 * Counts a closed poll. Quorum: ballots cast over the electorate at the close. Yes/no passes
 * when the share of yes among yes and no reaches the threshold (strictly more than half for a
 * simple majority; abstentions count for the quorum only). In a class-balanced count each
 * class's share of yes is weighted by the class's weight instead of its head count; classes
 * that cast no yes or no are left out and the weights of the others rescaled. Approval and
 * score choose the options with the most points (ties to the lower option number); ranked
 * proposals and elections are counted by the tally engine.
 */
export function countPoll(poll: PollToCount, ballots: readonly CastBallot[]): PollResult {
  const turnout: Q = [BigInt(ballots.length), BigInt(Math.max(poll.electorate, 1))];
  const quorumMet = ballots.length * 100 >= poll.quorumPercent * poll.electorate;
  const base = {
    electorate: poll.electorate,
    ballots: ballots.length,
    turnoutPercent: decimal([turnout[0] * 100n, turnout[1]], 1),
    quorumMet,
  };
  const turnoutFacts = {
    ballots: ballots.length,
    electorate: poll.electorate,
    turnoutPercent: base.turnoutPercent,
    quorumPercent: poll.quorumPercent,
  };
  const explanation: string[] = [];
  const explanationFacts: ResultFact[] = [];
  // Each line of how it was counted is written once as English and once as facts.
  const explain = (line: string, code: string, params: ResultFact['params']) => {
    explanation.push(line);
    explanationFacts.push({ code, params });
  };
  explain(
    `${ballots.length} ballots from an electorate of ${poll.electorate}: turnout ${base.turnoutPercent}%, quorum ${poll.quorumPercent}% ${quorumMet ? 'met' : 'not met'}.`,
    'turnout',
    { ...turnoutFacts, quorumMet },
  );
  const noQuorumFact = { code: 'quorum-not-reached' as const, params: turnoutFacts };
  const classes = [...new Set(ballots.map((b) => b.voterClass))].sort();
  const voted = `${base.turnoutPercent}% voted (${ballots.length} of ${poll.electorate}), quorum ${poll.quorumPercent}%`;
  const noQuorum = `Not decided: the quorum of ${poll.quorumPercent}% was not reached; ${base.turnoutPercent}% voted (${ballots.length} of ${poll.electorate}).`;

  if (poll.method === 'yes-no') {
    const totals: Record<string, Record<string, number>> = { all: { yes: 0, no: 0, abstain: 0 } };
    for (const b of ballots) {
      const choice = (b.content as { choice: 'yes' | 'no' | 'abstain' }).choice;
      totals.all![choice]! += 1;
      (totals[b.voterClass] ??= { yes: 0, no: 0, abstain: 0 })[choice]! += 1;
    }
    let share: Q = [0n, 1n];
    if (poll.classWeights) {
      const deciding = classes.filter((c) => totals[c]!.yes! + totals[c]!.no! > 0);
      const weightSum = deciding.reduce((s, c) => s + BigInt(poll.classWeights![c] ?? 0), 0n);
      for (const c of deciding) {
        const t = totals[c]!;
        share = add(share, [
          BigInt(poll.classWeights[c] ?? 0) * BigInt(t.yes!),
          BigInt(t.yes! + t.no!) * (weightSum || 1n),
        ]);
        explain(
          `${c}: ${t.yes} yes, ${t.no} no, weight ${poll.classWeights[c] ?? 0} of ${weightSum}.`,
          'class-answers',
          {
            class: c,
            yes: t.yes!,
            no: t.no!,
            weight: poll.classWeights[c] ?? 0,
            weightSum: Number(weightSum),
          },
        );
      }
    } else {
      const t = totals.all!;
      share = [BigInt(t.yes!), BigInt(Math.max(t.yes! + t.no!, 1))];
      explain(`${t.yes} yes, ${t.no} no, ${t.abstain} abstain.`, 'answers', {
        yes: t.yes!,
        no: t.no!,
        abstain: t.abstain!,
      });
    }
    const [tn, td] = thresholdOf[poll.threshold];
    const reachesShare = ([n, d]: Q) =>
      poll.threshold === 'simple' ? n * td > d * tn : n * td >= d * tn;
    const decided = totals.all!.yes! + totals.all!.no! > 0;
    let reaches = reachesShare(share);
    let short: string[] = [];
    if (poll.requiredClasses) {
      // Each class decides on its own: a class that cast no yes or no has not consented.
      short = poll.requiredClasses.filter((c) => {
        const t = totals[c];
        return (
          !t || t.yes! + t.no! === 0 || !reachesShare([BigInt(t.yes!), BigInt(t.yes! + t.no!)])
        );
      });
      reaches = short.length === 0;
      explain(
        `A ${poll.threshold} majority is needed in each class (${poll.requiredClasses.join(', ')}): ${reaches ? 'reached in each' : `not reached in ${short.join(', ')}`}.`,
        'each-class',
        { threshold: poll.threshold, classes: poll.requiredClasses, reached: reaches, short },
      );
    }
    const passed = quorumMet && decided && reaches;
    explain(
      `Share of yes ${decimal(share)} against a ${poll.threshold} threshold: ${passed ? 'passed' : 'not passed'}.`,
      'share',
      { share: decimal(share), threshold: poll.threshold, passed },
    );
    const yesFacts = {
      ...turnoutFacts,
      yesPercent: decimal([share[0] * 100n, share[1]], 1),
      balanced: poll.classWeights !== null,
      threshold: poll.threshold,
    };
    const why: NonNullable<PollResult['why']> = !quorumMet
      ? noQuorumFact
      : !decided
        ? { code: 'no-yes-or-no', params: turnoutFacts }
        : !reaches && poll.requiredClasses && reachesShare(share)
          ? { code: 'not-reached-in-classes', params: { ...yesFacts, classes: short } }
          : { code: passed ? 'passed' : 'not-passed', params: yesFacts };
    const yesPercent = `${decimal([share[0] * 100n, share[1]], 1)}% yes among yes and no${poll.classWeights ? ' (class-balanced)' : ''}`;
    const needs = `${thresholdWords[poll.threshold]} needed`;
    const reason = !quorumMet
      ? noQuorum
      : !decided
        ? `Not passed: nobody answered yes or no; ${voted}.`
        : !reaches && poll.requiredClasses && reachesShare(share)
          ? `Not passed: ${yesPercent} overall, but ${needs} in each class, not reached among ${short.join(', ')}.`
          : passed
            ? `Passed: ${yesPercent}, ${needs}; ${voted}.`
            : `Not passed: ${yesPercent}, ${needs}; ${voted}.`;
    return {
      ...base,
      totals,
      yesShare: decimal(share),
      passed,
      chosen: passed ? ['yes'] : [],
      explanation,
      explanationFacts,
      reason,
      why,
    };
  }

  if (poll.method === 'approval' || poll.method === 'score') {
    // Points per option, per class; balanced counts scale a class's points by weight / voters.
    const perClass: Record<string, bigint[]> = {};
    const voters: Record<string, number> = {};
    for (const b of ballots) {
      const points = (perClass[b.voterClass] ??= poll.options.map(() => 0n));
      voters[b.voterClass] = (voters[b.voterClass] ?? 0) + 1;
      if ('approve' in b.content) b.content.approve.forEach((n) => (points[n - 1]! += 1n));
      if ('scores' in b.content)
        Object.entries(b.content.scores).forEach(([n, s]) => (points[Number(n) - 1]! += BigInt(s)));
    }
    const score: Q[] = poll.options.map(() => [0n, 1n]);
    for (const c of classes) {
      const w: Q = poll.classWeights
        ? [BigInt(poll.classWeights[c] ?? 0), BigInt(voters[c]!)]
        : [1n, 1n];
      perClass[c]!.forEach((p, i) => (score[i] = add(score[i]!, [p * w[0], w[1]])));
    }
    const order = poll.options
      .map((label, i) => ({ label, i, q: score[i]! }))
      .sort((a, b) => {
        const diff = b.q[0] * a.q[1] - a.q[0] * b.q[1];
        return diff > 0n ? 1 : diff < 0n ? -1 : a.i - b.i;
      });
    const totals = Object.fromEntries(
      classes.map((c) => [
        c,
        Object.fromEntries(poll.options.map((o, i) => [o, Number(perClass[c]![i]!)])),
      ]),
    );
    totals.all = Object.fromEntries(
      poll.options.map((o, i) => [o, Number(classes.reduce((s, c) => s + perClass[c]![i]!, 0n))]),
    );
    for (const o of order)
      explain(
        `${o.label}: ${decimal(o.q, 2)}${poll.classWeights ? ' (class-balanced)' : ''}`,
        'points',
        { option: o.label, points: decimal(o.q, 2), balanced: poll.classWeights !== null },
      );
    const chosen = quorumMet ? order.slice(0, poll.seats).map((o) => o.label) : [];
    const reason = quorumMet
      ? `Chosen by the most ${poll.method === 'approval' ? 'approvals' : 'points'}: ${chosen.join(', ')}; ${voted}.`
      : noQuorum;
    const why: NonNullable<PollResult['why']> = quorumMet
      ? { code: 'chosen', params: { ...turnoutFacts, method: poll.method, chosen } }
      : noQuorumFact;
    return {
      ...base,
      totals,
      chosen,
      passed: quorumMet,
      explanation,
      explanationFacts,
      reason,
      why,
    };
  }

  const method = poll.method === 'ranked' ? 'schulze' : poll.method;
  const result = tally(
    {
      candidates: poll.options,
      ballots: ballotsFromRankings(
        poll.options,
        ballots.map((b) => ({
          ranking: (b.content as { ranking: number[] }).ranking.map((n) => n - 1),
        })),
      ),
    },
    { method, seats: poll.seats },
  );
  // The tally engine's rules stay its own English (src/governance/tally/).
  explain(`Counted by ${method}: ${result.rules}`, 'counted-by', { method, rules: result.rules });
  return {
    ...base,
    reason: quorumMet
      ? `${result.elected.length > 0 ? result.elected.join(', ') : 'Nobody'} by ${method}; ${voted}.`
      : noQuorum,
    why: quorumMet
      ? { code: 'elected', params: { ...turnoutFacts, method, elected: result.elected } }
      : noQuorumFact,
    totals: {},
    chosen: quorumMet ? result.elected : [],
    passed: quorumMet,
    tally: result,
    explanation,
    explanationFacts,
  };
}
