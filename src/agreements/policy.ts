import {
  isActiveInClass,
  isActiveMember,
  isAdmin,
  isOfficer,
  ownOrganizationId,
  type Rule,
} from '../platform/policy.ts';

const keepsContracts: Rule = (actor) => isAdmin(actor) || isOfficer(actor);

/**
 * Tiers, quotes, agreements and purchase orders. Officers (the chief economist signs sponsor
 * contracts) and administrators keep them; hackers read every agreement, since they serve the
 * sponsors; a sponsor's representative reads only their own organization's, never another's.
 */
export const agreementsPolicy = {
  /** The public tiers page: anyone, signed in or not. */
  readPublishedTiers: (() => true) as Rule,
  /** Unpublished and archived tiers, and what each costs in hours. */
  readAllTiers: ((actor) =>
    keepsContracts(actor, undefined) || isActiveInClass(actor, 'hacker')) as Rule,
  manage: keepsContracts,
  /** Every organization's quotes and agreements. */
  readAll: ((actor) =>
    keepsContracts(actor, undefined) || isActiveInClass(actor, 'hacker')) as Rule,
  /** One organization's quotes, agreements and purchase orders. */
  readOrganization: ((actor, organizationId) =>
    keepsContracts(actor, undefined) ||
    isActiveInClass(actor, 'hacker') ||
    (isActiveMember(actor) && ownOrganizationId(actor) === organizationId)) as Rule<string>,
  /** The capacity plan: hours and loads of named hackers. */
  readCapacity: ((actor) =>
    keepsContracts(actor, undefined) || isActiveInClass(actor, 'hacker')) as Rule,
  /** The buyer's acceptance link: the secret in it is the authority. */
  acceptByLink: (() => true) as Rule,
  /** Renewals and terms moving on their days: the co-op itself (and administrators by hand). */
  runRenewals: ((actor) => isAdmin(actor)) as Rule,
};
