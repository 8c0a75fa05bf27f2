import type { Actor } from '../platform/actor.ts';
import {
  isAdmin,
  isAutomatic,
  isOfficer,
  ownOrganizationId,
  type Rule,
} from '../platform/policy.ts';

const officerOrAdmin = (actor: Actor) => isAdmin(actor) || isOfficer(actor);

export const serviceLevelsPolicy = {
  /** Officers keep the promises: they set calendars and see every clock. */
  manage: officerOrAdmin as Rule,
  listAllClocks: officerOrAdmin as Rule,
  /** A sponsor's representative sees its own organization's clocks and calendar, no other's. */
  readOrganization: ((actor, organizationId) =>
    officerOrAdmin(actor) || ownOrganizationId(actor) === organizationId) as Rule<string>,
  /** Officers confirm or decline the service credits a breach proposes. */
  decideCredits: officerOrAdmin as Rule,
  /** What the co-op does by itself (following events, checking deadlines): the system actor. */
  automatic: isAutomatic,
};
