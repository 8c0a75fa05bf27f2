import { isDeepStrictEqual } from 'node:util';
import type { BylawsDocument, QuestionKind, QuestionRules } from './document.ts';

export type Majority = QuestionRules['majority'];
const majorityOrder: Majority[] = ['simple', 'two-thirds', 'three-quarters', 'unanimous'];

/** The stricter of two majorities. */
export const stricterMajority = (a: Majority, b: Majority): Majority =>
  majorityOrder.indexOf(a) >= majorityOrder.indexOf(b) ? a : b;
export const isLooserMajority = (asked: Majority, bylaws: Majority): boolean =>
  majorityOrder.indexOf(asked) < majorityOrder.indexOf(bylaws);

/**
 * The rules of each kind of question. Bylaws written before they had one set of rules per kind
 * keep deciding as they did: one quorum, one majority, the amendment majority for amendments,
 * every class voting, no class balance, and no minimum time open.
 */
export function decisionRules(doc: BylawsDocument): Record<QuestionKind, QuestionRules> {
  if (doc.decisions.questions) return doc.decisions.questions;
  const { quorumPercent = 0, majority = 'simple', bylawAmendmentMajority } = doc.decisions;
  const rules = (m: Majority): QuestionRules => ({
    electorate: [],
    quorumPercent,
    majority: m,
    classBalanced: false,
    minimumOpenDays: 0,
  });
  return {
    general: rules(majority),
    budget: rules(majority),
    amendment: rules(bylawAmendmentMajority ?? majority),
    election: rules(majority),
  };
}

/** The rules for decisions as they bind, whichever way the document writes them. */
const decisionsAsApplied = (doc: BylawsDocument) => ({
  rules: decisionRules(doc),
  entrenched: doc.decisions.entrenched,
  secretBallotsForElections: doc.decisions.secretBallotsForElections,
});

/**
 * The entrenched parts an amendment changes: the pie shares, the dividend split, and the rules
 * for decisions themselves (else one vote could loosen them and the next change the pie).
 */
export function entrenchedChanges(before: BylawsDocument, after: BylawsDocument): string[] {
  const changed: string[] = [];
  if (!isDeepStrictEqual({ ...before.pie }, { ...after.pie })) changed.push('the pie shares');
  if (!isDeepStrictEqual({ ...before.dividends.split }, { ...after.dividends.split }))
    changed.push('the dividend split');
  if (!isDeepStrictEqual(decisionsAsApplied(before), decisionsAsApplied(after)))
    changed.push('the rules for decisions');
  return changed;
}
