import { holdsOffice, isActiveMember, isAdmin, isOfficer, type Rule } from '../platform/policy.ts';

const treasurer: Rule = (actor) => isAdmin(actor) || holdsOffice(actor, 'chief-economist');

export const financePolicy = {
  /** The books are open to members: a co-op's money is its members' business. */
  readBooks: ((actor) => isAdmin(actor) || isActiveMember(actor)) as Rule,
  /**
   * Entries and exports show each posting, pay included: the keepers of the books and the
   * officers read them; members read the reports, where pay is one salaries total.
   */
  readEntries: ((actor) => isAdmin(actor) || isOfficer(actor)) as Rule,
  keepBooks: treasurer,
  /** A budget a vote passed: adopted by the co-op itself (or its operator), never a person. */
  adoptVotedBudget: ((actor) => actor.isAdmin && actor.personId === null) as Rule,
  /** Reopening a closed period is an officer's act, with a reason. */
  reopenPeriod: treasurer,
};
