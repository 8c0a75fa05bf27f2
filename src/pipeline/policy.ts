import type { Actor } from '../platform/actor.ts';
import { isActiveInClass, isAdmin, isAutomatic, isOfficer, type Rule } from '../platform/policy.ts';

/**
 * The pipeline names prospects, amounts and what each company said in confidence: a sponsor's
 * representative never sees it, not even one who holds an office or administrator rights, since
 * it lists the other sponsors' deals. The operator and the co-op itself hold no membership.
 */
const notSponsor = (actor: Actor) => actor.membership?.memberClass !== 'sponsor';

const manages: Rule = (actor) => notSponsor(actor) && (isAdmin(actor) || isOfficer(actor));

export const pipelinePolicy = {
  /** Open, edit and move opportunities. */
  manage: manages,
  /** The board, an opportunity, prospects and the forecast. */
  read: ((actor) =>
    manages(actor, undefined) || (notSponsor(actor) && isActiveInClass(actor, 'hacker'))) as Rule,
  /** What the co-op does by itself on agreements' events (won, renewal opened). */
  followAgreements: isAutomatic,
};
