import type { Actor } from '../platform/actor.ts';
import {
  holdsOffice,
  isActiveInClass,
  isActiveMember,
  isAdmin,
  isOfficer,
  ownOrganizationId,
  type Rule,
} from '../platform/policy.ts';
import type { SliceClass } from './schema.ts';

export const memberClassOfSlice = {
  sponsors: 'sponsor',
  community: 'community',
  hackers: 'hacker',
} as const;

const adminOrOfficer = (actor: Actor) => isAdmin(actor) || isOfficer(actor);

export const governancePolicy = {
  readCycles: ((actor) => isAdmin(actor) || isActiveMember(actor)) as Rule,
  manageCycles: ((actor) => adminOrOfficer(actor)) as Rule,
  /** Putting proposals and elections to the members. */
  callVotes: ((actor) => adminOrOfficer(actor)) as Rule,
  /** Any active member may nominate, vote (if in the electorate) and read results. */
  takePart: ((actor) => isActiveMember(actor)) as Rule,
  /** Members propose items for their own class's slice. */
  proposeItem: ((actor, slice) =>
    adminOrOfficer(actor) || isActiveInClass(actor, memberClassOfSlice[slice])) as Rule<SliceClass>,
  /** Merging duplicates, splitting large items, importing: the hackers and the chief technologist. */
  curateItems: ((actor) =>
    isAdmin(actor) ||
    holdsOffice(actor, 'chief-technologist') ||
    isActiveInClass(actor, 'hacker')) as Rule,
  setAvailability: ((actor, personId) =>
    adminOrOfficer(actor) ||
    (actor.personId === personId && isActiveInClass(actor, 'hacker'))) as Rule<string>,
  recordFunding: ((actor) => isAdmin(actor) || holdsOffice(actor, 'chief-economist')) as Rule,
  /** Funding received: the treasurer and officers read all of it, a representative their own. */
  readFunding: ((actor, organizationId) =>
    isAdmin(actor) ||
    isOfficer(actor) ||
    (organizationId !== null && ownOrganizationId(actor) === organizationId)) as Rule<
    string | null
  >,
  voteAsSponsor: ((actor) =>
    isActiveInClass(actor, 'sponsor') && ownOrganizationId(actor) !== null) as Rule,
  voteInSurvey: ((actor) => isActiveInClass(actor, 'community')) as Rule,
  declareHackerWork: ((actor) => isActiveInClass(actor, 'hacker')) as Rule,
  importTimeEntries: ((actor) => isAdmin(actor)) as Rule,
  /** A sponsor's engineer logs labour for their own organization (an administrator for any). */
  logSponsorLabour: ((actor, organizationId) =>
    isAdmin(actor) || ownOrganizationId(actor) === organizationId) as Rule<string>,
  /** Those who know the work confirm it was done: the hackers, and officers. */
  decideSponsorLabour: ((actor) =>
    adminOrOfficer(actor) || isActiveInClass(actor, 'hacker')) as Rule,
  /** Every organization's labour for the co-op's side; a sponsor's own for its members. */
  readSponsorLabour: ((actor, organizationId) =>
    adminOrOfficer(actor) ||
    isActiveInClass(actor, 'hacker') ||
    (organizationId !== null && ownOrganizationId(actor) === organizationId)) as Rule<
    string | null
  >,
  logTime: ((actor, personId) =>
    isAdmin(actor) ||
    (actor.personId === personId && isActiveInClass(actor, 'hacker'))) as Rule<string>,
};
