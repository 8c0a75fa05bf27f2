import type { Majority, MemberClass, QuestionKind, QuestionRules } from '../api/types.ts';
import { intlTag } from '../app/i18n.ts';
import { percent } from '../app/money.ts';
import { t } from './messages.ts';

export const majorities: readonly Majority[] = [
  'simple',
  'two-thirds',
  'three-quarters',
  'unanimous',
];

/** "Simple majority (more than half)", as a label on its own. */
export function majorityLabel(majority: Majority): string {
  return t(`majority.${majority}`);
}

/** The same within a sentence, where English writes it in lower case and German does not. */
export function majorityInline(majority: Majority): string {
  return t(`majorityInline.${majority}`);
}

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

export function questionKindLabel(kind: QuestionKind): string {
  return t(`questionKind.${kind}`);
}

/** "hacker and community": member classes named within a sentence, in the member's language. */
export function classList(classes: readonly MemberClass[]): string {
  return new Intl.ListFormat(intlTag(), { type: 'conjunction' }).format(
    classes.map((c) => t(`rules.classInline.${c}`)),
  );
}

/** One line a member reads: who votes, the quorum, the majority, how long, how counted. */
export function rulesSummary(rules: QuestionRules, kind: QuestionKind): string {
  const who =
    rules.electorate.length === 0
      ? t('rules.everyMember')
      : t('rules.classesVote', { classes: classList(rules.electorate) });
  return [
    who,
    t('rules.quorum', { percent: percent(rules.quorumPercent) }),
    ...(kind === 'election' ? [] : [majorityInline(rules.majority)]),
    t('rules.openAtLeast', { count: rules.minimumOpenDays }),
    rules.classBalanced ? t('rules.classBalanced') : t('rules.oneMemberOneVote'),
  ].join(' · ');
}
