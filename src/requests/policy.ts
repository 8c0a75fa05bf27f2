import {
  isActiveInClass,
  isAdmin,
  isOfficer,
  ownOrganizationId,
  type Rule,
} from '../platform/policy.ts';

/** Hackers and officers answer sponsors' requests; they are people, so a reply is a human's. */
const servesSponsors: Rule = (actor) => isOfficer(actor) || isActiveInClass(actor, 'hacker');

/** A sponsor's representative acting for their own organization. */
const speaksFor: Rule<string> = (actor, organizationId) =>
  isActiveInClass(actor, 'sponsor') && ownOrganizationId(actor) === organizationId;

/**
 * Requests for expert access. A sponsor's representative opens, reads, answers and reopens
 * their own organization's requests and never sees another's; hackers and officers read them
 * all, answer, wait on the sponsor and resolve; administrators read them.
 */
export const requestsPolicy = {
  /** Every organization's requests. */
  readAll: ((actor) => isAdmin(actor) || servesSponsors(actor, undefined)) as Rule,
  /** One organization's requests, their threads and attachments. */
  readOrganization: ((actor, organizationId) =>
    isAdmin(actor) ||
    servesSponsors(actor, undefined) ||
    speaksFor(actor, organizationId)) as Rule<string>,
  /** The list of requests: the co-op's whole list, or a representative's own. */
  list: ((actor) =>
    isAdmin(actor) ||
    servesSponsors(actor, undefined) ||
    (isActiveInClass(actor, 'sponsor') && ownOrganizationId(actor) !== null)) as Rule,
  open: speaksFor,
  answerAsSponsor: speaksFor,
  answerAsCoop: servesSponsors,
  /** Replying at all (the request, once read, says which side). */
  reply: ((actor) => servesSponsors(actor, undefined) || isActiveInClass(actor, 'sponsor')) as Rule,
  /** Waiting on the sponsor, resolving. */
  manage: servesSponsors,
  reopen: speaksFor,
  /** Any representative may try; the request, once read, must be their organization's. */
  actAsSponsor: ((actor) => isActiveInClass(actor, 'sponsor')) as Rule,
  /** Mails about requests: the co-op itself, following the events. */
  notify: ((actor) => isAdmin(actor)) as Rule,
};
