import { isActiveMember, isAdmin, isOfficer, type Rule } from '../platform/policy.ts';

export const contributionsPolicy = {
  /** Registering repositories, syncing them, linking contributors: administrators and officers. */
  manage: ((actor) => isAdmin(actor) || isOfficer(actor)) as Rule,
  /**
   * Repositories, commits and DCO checks: any active member (the same record is in git, where
   * anyone with a clone can read it).
   */
  read: ((actor) => isAdmin(actor) || isActiveMember(actor)) as Rule,
  /** Every member's record: officers and administrators; every active member when published. */
  readAllRecords: ((actor, subject) =>
    isAdmin(actor) || isOfficer(actor) || (isActiveMember(actor) && subject.published)) as Rule<{
    published: boolean;
  }>,
  /**
   * A member's contribution record: the member, officers and administrators; every active member
   * when the bylaws publish contributions.
   */
  readMemberRecord: ((actor, subject) =>
    isAdmin(actor) ||
    isOfficer(actor) ||
    (isActiveMember(actor) && (subject.personId === actor.personId || subject.published))) as Rule<{
    personId: string;
    published: boolean;
  }>,
};
