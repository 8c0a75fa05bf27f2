import type { Actor } from '../platform/actor.ts';
import {
  isActiveInClass,
  isActiveMember,
  isAdmin,
  isOfficer,
  ownOrganizationId,
  type Rule,
} from '../platform/policy.ts';

const officerOrAdmin = (actor: Actor) => isAdmin(actor) || isOfficer(actor);

export const vulnerabilitiesPolicy = {
  /** Record, pre-notify and disclose: officers. */
  manage: officerOrAdmin as Rule,
  /** Embargoed ones and the pre-notification list: officers and the co-op's hackers. */
  readAll: ((actor) => officerOrAdmin(actor) || isActiveInClass(actor, 'hacker')) as Rule,
  /** Once public, any member reads what it is and which projects it touches. */
  readDisclosed: ((actor) => isAdmin(actor) || isActiveMember(actor)) as Rule,
  /** The co-op's people write a sponsor's impact note. */
  writeImpactNote: ((actor) => officerOrAdmin(actor) || isActiveInClass(actor, 'hacker')) as Rule,
  /** A sponsor reads its own impact note; the co-op's people read every one. */
  readImpactNote: ((actor, organizationId) =>
    officerOrAdmin(actor) ||
    isActiveInClass(actor, 'hacker') ||
    ownOrganizationId(actor) === organizationId) as Rule<string>,
};
