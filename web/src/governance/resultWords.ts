import type { PollResult, ResultFact } from '../api/types.ts';
import { classLabel, formatExactDecimal } from '../app/format.ts';
import { percent } from '../app/money.ts';
import { en } from './messages.en.ts';
import { t } from './messages.ts';

type Params = ResultFact['params'];
type Threshold = 'simple' | 'two-thirds' | 'three-quarters' | 'unanimous';
type TallyMethod = 'scottish-stv' | 'meek-stv' | 'irv' | 'schulze';

const text = (value: Params[string] | undefined): string =>
  value === undefined ? '' : String(value);
const list = (value: Params[string] | undefined): string[] => (Array.isArray(value) ? value : []);

/** A decimal the count wrote as text ("0.7750", "4.00"), with its places, in the reader's way. */
const decimal = (value: Params[string] | undefined): string => formatExactDecimal(text(value));

const pct = (value: Params[string] | undefined) => percent(Number(value));
/** Turnout and the yes share keep the count's one decimal: 50.0% is not 50.04%. */
const pct1 = (value: Params[string] | undefined) => percent(Number(value), 1);
const majority = (threshold: Params[string] | undefined) =>
  t(`why.majority.${text(threshold) as Threshold}`);
const classes = (value: Params[string] | undefined) => list(value).map(classLabel).join(', ');
const method = (value: Params[string] | undefined) => {
  const m = text(value);
  return ['scottish-stv', 'meek-stv', 'irv', 'schulze'].includes(m)
    ? t(`rounds.method.${m as TallyMethod}`)
    : m;
};

/** The turnout sentence every reason ends with, and its figures. */
function turnout(p: Params) {
  const figures = {
    turnout: pct1(p.turnoutPercent),
    ballots: Number(p.ballots),
    electorate: Number(p.electorate),
    quorum: pct(p.quorumPercent),
  };
  return { ...figures, voted: t('why.voted', figures) };
}

/**
 * Why a poll's outcome is what it is, in the reader's language, from the facts the count wrote
 * (`why`); a result counted before facts were written keeps its English `reason`.
 */
export function reasonText(result: PollResult): string | undefined {
  const why = result.why;
  if (!why) return result.reason;
  const p = why.params;
  const base = turnout(p);
  const yes = t(p.balanced ? 'why.yesBalanced' : 'why.yes', { percent: pct1(p.yesPercent) });
  const needs = t('why.needs', { majority: majority(p.threshold) });
  switch (why.code) {
    case 'quorum-not-reached':
    case 'no-yes-or-no':
      return t(`why.${why.code}`, base);
    case 'not-reached-in-classes':
      return t('why.not-reached-in-classes', { yes, needs, classes: classes(p.classes) });
    case 'passed':
    case 'not-passed':
      return t(`why.${why.code}`, { ...base, yes, needs });
    case 'chosen':
      return t(p.method === 'score' ? 'why.chosenScore' : 'why.chosenApproval', {
        ...base,
        names: list(p.chosen).join(', '),
      });
    case 'elected': {
      const names = list(p.elected);
      return names.length > 0
        ? t('why.elected', { ...base, names: names.join(', '), method: method(p.method) })
        : t('why.nobodyElected', { ...base, method: method(p.method) });
    }
  }
}

/** One line of how it was counted, from its facts; a code this screen does not know: null. */
export function explanationLine(fact: ResultFact): string | null {
  const p = fact.params;
  switch (fact.code) {
    case 'turnout':
      return t(p.quorumMet ? 'how.turnoutMet' : 'how.turnoutNotMet', turnout(p));
    case 'class-answers':
      return t('how.classAnswers', {
        class: classLabel(text(p.class)),
        yes: Number(p.yes),
        no: Number(p.no),
        weight: Number(p.weight),
        weightSum: Number(p.weightSum),
      });
    case 'answers':
      return t('how.answers', { yes: Number(p.yes), no: Number(p.no), abstain: Number(p.abstain) });
    case 'each-class':
      return t(p.reached ? 'how.eachClassReached' : 'how.eachClassShort', {
        majority: majority(p.threshold),
        classes: classes(p.classes),
        short: classes(p.short),
      });
    case 'share':
      return t(p.passed ? 'how.sharePassed' : 'how.shareNotPassed', {
        share: decimal(p.share),
        majority: majority(p.threshold),
      });
    case 'points':
      return t(p.balanced ? 'how.pointsBalanced' : 'how.points', {
        option: text(p.option),
        points: decimal(p.points),
      });
    case 'counted-by': {
      // The engine's rules are fixed per method: worded here when they are the ones known.
      const m = text(p.method) as TallyMethod;
      const rules = en.how.rules[m] === p.rules ? t(`how.rules.${m}`) : text(p.rules);
      return t('how.countedBy', { method: method(p.method), rules });
    }
    case 'withheld':
      return t('how.withheld', { class: classLabel(text(p.class)), minimum: Number(p.minimum) });
    default:
      return null;
  }
}

/**
 * How it was counted, line by line in the reader's language where the count wrote facts; a line
 * without facts (an older result, a code this screen does not know) keeps its English.
 */
export function explanationLines(result: PollResult): string[] {
  const facts = result.explanationFacts;
  return result.explanation.map((line, i) => {
    const fact = facts?.[i];
    return (fact && explanationLine(fact)) ?? line;
  });
}

const noteKeys = new Map(
  Object.entries(en.how.tallyNote).map(([key, english]) => [
    english,
    key as keyof typeof en.how.tallyNote,
  ]),
);

/** A round's note from the tally engine, in the reader's language when it is a known one. */
export function tallyNoteText(note: string): string {
  const key = noteKeys.get(note);
  return key ? t(`how.tallyNote.${key}`) : note;
}
