import { classLabel } from '../app/format.ts';
import type { Majority, QuestionKind, QuestionRules } from '../api/types.ts';

export const majorities: readonly Majority[] = [
  'simple',
  'two-thirds',
  'three-quarters',
  'unanimous',
];

export const majorityLabels: Record<Majority, string> = {
  simple: 'Simple majority (more than half)',
  'two-thirds': 'Two-thirds majority',
  'three-quarters': 'Three-quarters majority',
  unanimous: 'Unanimous',
};

/** Where a version stands against the one in force: in force, scheduled for later, or past. */
export function versionState(
  v: { version: number; effectiveOn: string },
  inForce: { version: number; effectiveOn: string } | undefined,
): 'in-force' | 'scheduled' | 'earlier' {
  if (!inForce) return 'earlier';
  if (v.version === inForce.version) return 'in-force';
  return v.effectiveOn > inForce.effectiveOn ||
    (v.effectiveOn === inForce.effectiveOn && v.version > inForce.version)
    ? 'scheduled'
    : 'earlier';
}

export const questionKinds = ['general', 'budget', 'amendment', 'election'] as const;

export const questionKindLabels: Record<QuestionKind, string> = {
  general: 'General questions',
  budget: 'Budgets',
  amendment: 'Bylaw amendments',
  election: 'Elections',
};

/** One line a member reads: who votes, the quorum, the majority, how long, how counted. */
export function rulesSummary(rules: QuestionRules, kind: QuestionKind): string {
  const who =
    rules.electorate.length === 0
      ? 'every member votes'
      : `${rules.electorate.map((c) => classLabel(c).toLowerCase()).join(' and ')} members vote`;
  return [
    who,
    `quorum ${rules.quorumPercent}%`,
    ...(kind === 'election' ? [] : [majorityLabels[rules.majority].toLowerCase()]),
    `open at least ${rules.minimumOpenDays} ${rules.minimumOpenDays === 1 ? 'day' : 'days'}`,
    rules.classBalanced ? 'counted by class, weighted by the pie' : 'one member, one vote',
  ].join(' · ');
}
