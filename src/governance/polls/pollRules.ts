import {
  decisionRules,
  isLooserMajority,
  stricterMajority,
  type Majority,
} from '../../bylaws/decisionRules.ts';
import type { BylawsDocument, QuestionKind, QuestionRules } from '../../bylaws/document.ts';
import { badRequest, type FieldError } from '../../platform/errors.ts';

export const questionLabel: Record<QuestionKind, string> = {
  general: 'general question',
  budget: 'budget',
  amendment: 'bylaw amendment',
  election: 'election',
};

const majorityLabel: Record<Majority, string> = {
  simple: 'a simple majority',
  'two-thirds': 'two thirds',
  'three-quarters': 'three quarters',
  unanimous: 'unanimity',
};

export interface BindingRules extends QuestionRules {
  /** The majority must be reached in each member class separately. */
  inEachClass: boolean;
  /** The entrenched parts of the bylaws the question changes. */
  entrenched: string[];
}

/**
 * The rules that bind a question of this kind under these bylaws. An amendment that changes
 * an entrenched part is put to every class, with the stricter of the two majorities.
 */
export function bindingRules(
  doc: BylawsDocument,
  kind: QuestionKind,
  entrenched: string[],
): BindingRules {
  const rules = decisionRules(doc)[kind];
  if (entrenched.length === 0) return { ...rules, inEachClass: false, entrenched };
  const { majority, inEachClass } = doc.decisions.entrenched;
  return {
    ...rules,
    electorate: [],
    majority: stricterMajority(rules.majority, majority),
    inEachClass,
    entrenched,
  };
}

const everyClass = ['community', 'hacker', 'sponsor'];
const classesOf = (electorate: readonly string[]) =>
  electorate.length === 0 ? everyClass : [...new Set(electorate)].sort();
const describeClasses = (electorate: readonly string[]) =>
  electorate.length === 0 ? 'every class' : classesOf(electorate).join(' and ');

interface Asked {
  threshold?: Majority | undefined;
  electorate?: string[] | undefined;
  quorumPercent?: number | undefined;
  classBalanced?: boolean | undefined;
  opensAt: Date;
  closesAt: Date;
}

/**
 * A proposer may make a poll stricter than the bylaws (a higher majority or quorum, a longer
 * time open), never looser; who votes and whether classes are balanced are the bylaws' alone.
 * Returns the poll's rules, or throws a 400 naming each field that asks for less.
 */
export function checkAgainstRules(rules: BindingRules, kind: QuestionKind, asked: Asked) {
  const what = `a ${questionLabel[kind]}${rules.entrenched.length > 0 ? ` that changes ${rules.entrenched.join(', ')}` : ''}`;
  const errors: FieldError[] = [];
  // The web words these itself; `questionKind` and `majority` are keys it has words for.
  const question = { questionKind: kind, entrenched: rules.entrenched.join(', ') };
  if (asked.threshold && isLooserMajority(asked.threshold, rules.majority))
    errors.push({
      pointer: '/threshold',
      message: `the bylaws require ${majorityLabel[rules.majority]} for ${what}`,
      code: 'poll-rule.majority',
      params: { ...question, majority: rules.majority },
    });
  if (asked.quorumPercent !== undefined && asked.quorumPercent < rules.quorumPercent)
    errors.push({
      pointer: '/quorumPercent',
      message: `the bylaws require a quorum of at least ${rules.quorumPercent}% for ${what}`,
      code: 'poll-rule.quorum',
      params: { ...question, quorumPercent: rules.quorumPercent },
    });
  if (
    asked.electorate !== undefined &&
    classesOf(asked.electorate).join() !== classesOf(rules.electorate).join()
  )
    errors.push({
      pointer: '/electorate',
      message: `the bylaws put ${what} to ${describeClasses(rules.electorate)}`,
      code: 'poll-rule.electorate',
      params: { ...question, classes: classesOf(rules.electorate).join(',') },
    });
  if (asked.classBalanced !== undefined && asked.classBalanced !== rules.classBalanced)
    errors.push({
      pointer: '/classBalanced',
      message: `the bylaws count ${what} ${rules.classBalanced ? 'by class' : 'one member, one vote'}`,
      code: rules.classBalanced ? 'poll-rule.by-class' : 'poll-rule.one-member-one-vote',
      params: question,
    });
  const earliest = new Date(asked.opensAt.getTime() + rules.minimumOpenDays * 86_400_000);
  if (asked.closesAt < earliest)
    errors.push({
      pointer: '/closesAt',
      message: `the bylaws keep ${what} open at least ${rules.minimumOpenDays} days: close on or after ${earliest.toISOString()}`,
      code: 'poll-rule.open-days',
      params: { ...question, days: rules.minimumOpenDays, earliestAt: earliest.toISOString() },
    });
  if (errors.length > 0)
    throw badRequest(
      `This poll asks less than the bylaws require: ${errors[0]!.message}.`,
      errors,
    ).because('poll.below-bylaws', { count: errors.length });
  return {
    threshold: asked.threshold ? stricterMajority(asked.threshold, rules.majority) : rules.majority,
    electorate: classesOf(rules.electorate).length === 3 ? [] : classesOf(rules.electorate),
    quorumPercent: Math.max(asked.quorumPercent ?? 0, rules.quorumPercent),
    classBalanced: rules.classBalanced,
    inEachClass: rules.inEachClass,
  };
}
