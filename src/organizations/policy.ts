import {
  isActiveInClass,
  isActiveMember,
  isAdmin,
  isOfficer,
  type Rule,
} from '../platform/policy.ts';

export const organizationsPolicy = {
  list: ((actor) => isAdmin(actor) || isActiveMember(actor)) as Rule,
  /**
   * Billing details, tax id and contacts: administrators, officers and the co-op's hackers (who
   * serve the sponsors), and a sponsor's own representatives; never another sponsor's.
   */
  readPrivate: ((actor, organizationId) =>
    isAdmin(actor) ||
    isOfficer(actor) ||
    isActiveInClass(actor, 'hacker') ||
    (isActiveMember(actor) && actor.membership?.organizationId === organizationId)) as Rule<string>,
  manage: ((actor) => isAdmin(actor) || isOfficer(actor)) as Rule,
};
