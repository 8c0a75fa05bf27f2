import {
  isActiveInClass,
  isAdmin,
  isAutomatic,
  isOfficer,
  ownOrganizationId,
  type Rule,
} from '../platform/policy.ts';

const keepsDigests: Rule = (actor) => isAdmin(actor) || isOfficer(actor);

/**
 * Sponsors' digests. Officers (and administrators) prepare, preview, annotate and send every
 * sponsor's; a sponsor's representative reads only their own organization's, and only once
 * sent: a prepared digest is the co-op's draft.
 */
export const digestsPolicy = {
  manage: keepsDigests,
  /** A sent digest of one organization. */
  readSent: ((actor, organizationId) =>
    keepsDigests(actor, undefined) ||
    (isActiveInClass(actor, 'sponsor') &&
      ownOrganizationId(actor) === organizationId)) as Rule<string>,
  /** The list: every digest for officers, a representative's own sent ones. */
  list: ((actor) =>
    keepsDigests(actor, undefined) ||
    (isActiveInClass(actor, 'sponsor') && ownOrganizationId(actor) !== null)) as Rule,
  /** The daily preparation and the mailing consumer: the co-op itself. */
  system: isAutomatic,
};
