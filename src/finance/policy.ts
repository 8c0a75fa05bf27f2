import type { BylawsDocument } from '../bylaws/document.ts';
import {
  holdsOffice,
  isActiveMember,
  isAdmin,
  isAutomatic,
  isOfficer,
  type Rule,
} from '../platform/policy.ts';

const treasurer: Rule = (actor) => isAdmin(actor) || holdsOffice(actor, 'chief-economist');

/** Whose an account is: a member's capital account names a person or an organization. */
export interface AccountOwner {
  personId: string | null;
  organizationId: string | null;
}

export const financePolicy = {
  /** The books are open to members: a co-op's money is its members' business. */
  readBooks: ((actor) => isAdmin(actor) || isActiveMember(actor)) as Rule,
  /**
   * Entries and exports show each posting, pay included: the keepers of the books and the
   * officers read them; members read the reports, where pay is one salaries total.
   */
  readEntries: ((actor) => isAdmin(actor) || isOfficer(actor)) as Rule,
  /**
   * Each sponsor's funding by name (the concentration report). The officers read every posting
   * anyway, and members when the bylaws publish it; otherwise the report shows a sponsor's
   * representatives their own organization and the others as one line, as /api/funding does.
   */
  seeSponsorsByName: ((actor, bylaws) =>
    isAdmin(actor) ||
    isOfficer(actor) ||
    (bylaws.transparency.publishSponsorFunding && isActiveMember(actor))) as Rule<BylawsDocument>,
  /**
   * A capital account (what a member left of its dividends in the co-op) by name, as with the
   * dividend notices: the officers, the hacker it belongs to, an organization's representatives.
   * Anyone else reads the capital accounts as one line.
   */
  seeCapitalAccount: ((actor, owner) =>
    isAdmin(actor) ||
    isOfficer(actor) ||
    (isActiveMember(actor) &&
      ((owner.personId !== null && owner.personId === actor.personId) ||
        (owner.organizationId !== null &&
          owner.organizationId === actor.membership?.organizationId)))) as Rule<AccountOwner>,
  keepBooks: treasurer,
  /** A budget a vote passed: adopted by the co-op itself (or its operator), never a person. */
  adoptVotedBudget: isAutomatic,
  /** Reopening a closed period is an officer's act, with a reason. */
  reopenPeriod: treasurer,
};
