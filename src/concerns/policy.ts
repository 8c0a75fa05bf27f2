import {
  isActiveInClass,
  isAdmin,
  isOfficer,
  ownOrganizationId,
  type Rule,
} from '../platform/policy.ts';

const servesSponsors: Rule = (actor) =>
  isAdmin(actor) || isOfficer(actor) || isActiveInClass(actor, 'hacker');
const keepsConcerns: Rule = (actor) => isAdmin(actor) || isOfficer(actor);
const speaksFor = (actor: Parameters<Rule>[0], organizationId: string) =>
  isActiveInClass(actor, 'sponsor') && ownOrganizationId(actor) === organizationId;

/**
 * Reciprocal access. Hackers serve the sponsors, so they read every sponsor's concerns and
 * consult them; a sponsor's representatives keep and read their own organization's, never
 * another's; officers keep anyone's.
 */
export const concernsPolicy = {
  /** Every sponsor's concerns and every consultation. */
  readAll: servesSponsors,
  /** One organization's concerns. */
  read: ((actor, organizationId) =>
    servesSponsors(actor, undefined) || speaksFor(actor, organizationId)) as Rule<string>,
  edit: ((actor, organizationId) =>
    keepsConcerns(actor, undefined) || speaksFor(actor, organizationId)) as Rule<string>,
  /** Tag items with topics and consult the sponsors they touch. */
  consult: servesSponsors,
  /** An item's consultations: all of them for those who serve, a sponsor's own otherwise. */
  readItem: ((actor) =>
    servesSponsors(actor, undefined) || ownOrganizationId(actor) !== null) as Rule,
  /** Answer for an organization consulted: its representatives, from their portal. */
  answer: ((actor, organizationId) => speaksFor(actor, organizationId)) as Rule<string>,
  /** The answer link mailed to a contact: the secret in it is the authority. */
  answerByLink: (() => true) as Rule,
  /** The mailing consumer: the co-op itself. */
  mail: ((actor) => isAdmin(actor)) as Rule,
};
