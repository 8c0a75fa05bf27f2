import {
  isActiveInClass,
  isActiveMember,
  isAdmin,
  isOfficer,
  type Rule,
} from '../platform/policy.ts';

const writes: Rule = (actor) =>
  isAdmin(actor) || isOfficer(actor) || isActiveInClass(actor, 'hacker');

/**
 * Releases and planned changes. Hackers ship them and officers keep the record, so both
 * announce, edit, publish and withdraw. Any active member (a sponsor's representative too)
 * reads the planned and published ones; the bylaws' transparency settings name nothing for
 * releases, so they are not public beyond the members. Withdrawn ones stay with those who write.
 */
export const releasesPolicy = {
  manage: writes,
  read: ((actor) => isAdmin(actor) || isActiveMember(actor)) as Rule,
  readWithdrawn: writes,
};
