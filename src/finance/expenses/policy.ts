import {
  holdsOffice,
  isActiveMember,
  isAdmin,
  isOfficer,
  type Rule,
} from '../../platform/policy.ts';
import { financePolicy } from '../policy.ts';

const isPerson: Rule = (actor) => actor.personId !== null;

/**
 * Expense claims. A claim is seen by its submitter, administrators and officers; decided
 * (approved or rejected) by administrators and the chief economist, never by its submitter
 * (checked on the claim itself, in the command); paid by whoever keeps the books.
 */
export const expensePolicy = {
  /** Upload receipts and claim expenses: any active member, as a person (not the CLI). */
  claim: ((actor) =>
    isPerson(actor, undefined) && (isActiveMember(actor) || isAdmin(actor))) as Rule,
  /** See every member's claims. */
  seeAll: ((actor) => isAdmin(actor) || isOfficer(actor)) as Rule,
  see: ((actor, claim) =>
    (actor.personId !== null && claim.submittedBy === actor.personId) ||
    isAdmin(actor) ||
    isOfficer(actor)) as Rule<{ submittedBy: string }>,
  /** Approve or reject: an approval is recorded under a person's name, so the CLI cannot. */
  decide: ((actor) =>
    isPerson(actor, undefined) &&
    (isAdmin(actor) || holdsOffice(actor, 'chief-economist'))) as Rule,
  pay: financePolicy.keepBooks,
};
