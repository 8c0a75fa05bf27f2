import { describe, expect, it } from 'vitest';
import { auditPolicy } from '../audit/policy.ts';
import { defaultBylaws } from '../bylaws/document.ts';
import { bylawsPolicy } from '../bylaws/policy.ts';
import { financePolicy } from '../finance/policy.ts';
import { governancePolicy } from '../governance/policy.ts';
import { organizationsPolicy } from '../organizations/policy.ts';
import type { Actor } from '../platform/actor.ts';
import { membersPolicy } from './policy.ts';

const coopId = 'c0';
const ownOrg = 'org-own';
const otherOrg = 'org-other';
const self = 'p-self';
const other = 'p-other';

const actor = (overrides: Partial<Actor>): Actor => ({
  coopId,
  personId: self,
  displayName: 'x',
  isAdmin: false,
  membership: { memberClass: 'community', status: 'active', organizationId: null },
  officerRoles: [],
  ...overrides,
});

const roles: Record<string, Actor> = {
  admin: actor({
    isAdmin: true,
    membership: { memberClass: 'hacker', status: 'active', organizationId: null },
  }),
  officer: actor({
    membership: { memberClass: 'hacker', status: 'active', organizationId: null },
    officerRoles: ['chief-economist'],
  }),
  hacker: actor({ membership: { memberClass: 'hacker', status: 'active', organizationId: null } }),
  sponsor: actor({
    membership: { memberClass: 'sponsor', status: 'active', organizationId: ownOrg },
  }),
  community: actor({}),
  applicant: actor({
    membership: { memberClass: 'community', status: 'applicant', organizationId: null },
  }),
  suspendedOfficer: actor({
    membership: { memberClass: 'hacker', status: 'suspended', organizationId: null },
    officerRoles: ['chief-economist'],
  }),
  // Left or suspended: the class, organization and admin flag remain on record, the rights do not.
  leftSponsor: actor({
    membership: { memberClass: 'sponsor', status: 'left', organizationId: ownOrg },
  }),
  suspendedSponsor: actor({
    membership: { memberClass: 'sponsor', status: 'suspended', organizationId: ownOrg },
  }),
  leftAdmin: actor({
    isAdmin: true,
    membership: { memberClass: 'hacker', status: 'left', organizationId: null },
    officerRoles: ['chief-technologist'],
  }),
  public: actor({ personId: null, membership: null }),
};

// Each action with the resource it is asked about, and the roles allowed (in the order above).
const table: [string, (a: Actor) => boolean, string[]][] = [
  [
    'read the directory (unpublished)',
    (a) => membersPolicy.readDirectory(a, false),
    ['admin', 'officer', 'hacker', 'sponsor', 'community'],
  ],
  [
    'read the directory (published)',
    (a) => membersPolicy.readDirectory(a, true),
    Object.keys(roles),
  ],
  [
    'read another profile',
    (a) => membersPolicy.readProfile(a, { personId: other, published: false }),
    ['admin', 'officer', 'hacker', 'sponsor', 'community'],
  ],
  [
    'read own profile',
    (a) => membersPolicy.readProfile(a, { personId: self, published: false }),
    [
      'admin',
      'officer',
      'hacker',
      'sponsor',
      'community',
      'applicant',
      'suspendedOfficer',
      'leftSponsor',
      'suspendedSponsor',
      'leftAdmin',
    ],
  ],
  [
    'read another’s emails',
    (a) => membersPolicy.readPrivateDetails(a, other),
    ['admin', 'officer'],
  ],
  ['edit another’s profile', (a) => membersPolicy.updateOwnProfile(a, other), []],
  ['invite', (a) => membersPolicy.invite(a, undefined), ['admin', 'officer']],
  ['import members', (a) => membersPolicy.importMembers(a, undefined), ['admin']],
  [
    'issue a registration code',
    (a) => membersPolicy.issueRegistrationCode(a, undefined),
    ['admin', 'officer'],
  ],
  ['change another’s status', (a) => membersPolicy.changeStatus(a, other), ['admin', 'officer']],
  ['change own status', (a) => membersPolicy.changeStatus(a, self), []],
  [
    'change the status of a member who holds no office',
    (a) => membersPolicy.changeStatusOf(a, { personId: other, official: false }),
    ['admin', 'officer'],
  ],
  [
    'change the status of an officer or an administrator',
    (a) => membersPolicy.changeStatusOf(a, { personId: other, official: true }),
    ['admin'],
  ],
  [
    'change one’s own status as an official',
    (a) => membersPolicy.changeStatusOf(a, { personId: self, official: true }),
    [],
  ],
  ['appoint an officer', (a) => membersPolicy.appointOfficer(a, undefined), ['admin']],
  ['grant admin to another', (a) => membersPolicy.grantAdmin(a, other), ['admin']],
  [
    'list organizations',
    (a) => organizationsPolicy.list(a, undefined),
    ['admin', 'officer', 'hacker', 'sponsor', 'community'],
  ],
  [
    'read own organization’s private data',
    (a) => organizationsPolicy.readPrivate(a, ownOrg),
    ['admin', 'officer', 'hacker', 'sponsor'],
  ],
  [
    'read another organization’s private data',
    (a) => organizationsPolicy.readPrivate(a, otherOrg),
    ['admin', 'officer', 'hacker'],
  ],
  ['manage organizations', (a) => organizationsPolicy.manage(a, undefined), ['admin', 'officer']],
  ['read the bylaws', (a) => bylawsPolicy.read(a, undefined), Object.keys(roles)],
  ['amend the bylaws', (a) => bylawsPolicy.amend(a, undefined), ['admin']],
  ['read the event log', (a) => auditPolicy.readEvents(a, undefined), ['admin']],
  ['read the outbox', (a) => auditPolicy.readOutbox(a, undefined), ['admin']],
  [
    'read the books',
    (a) => financePolicy.readBooks(a, undefined),
    ['admin', 'officer', 'hacker', 'sponsor', 'community'],
  ],
  [
    'read journal entries and exports',
    (a) => financePolicy.readEntries(a, undefined),
    ['admin', 'officer'],
  ],
  [
    'read each sponsor’s funding by name (unpublished)',
    (a) => financePolicy.seeSponsorsByName(a, defaultBylaws()),
    ['admin', 'officer'],
  ],
  [
    'read each sponsor’s funding by name (published)',
    (a) => {
      const bylaws = defaultBylaws();
      bylaws.transparency.publishSponsorFunding = true;
      return financePolicy.seeSponsorsByName(a, bylaws);
    },
    ['admin', 'officer', 'hacker', 'sponsor', 'community'],
  ],
  [
    'read one’s own capital account',
    (a) => financePolicy.seeCapitalAccount(a, { personId: self, organizationId: null }),
    ['admin', 'officer', 'hacker', 'sponsor', 'community'],
  ],
  [
    'read one’s organization’s capital account',
    (a) => financePolicy.seeCapitalAccount(a, { personId: null, organizationId: ownOrg }),
    ['admin', 'officer', 'sponsor'],
  ],
  [
    'read another member’s capital account',
    (a) => financePolicy.seeCapitalAccount(a, { personId: other, organizationId: otherOrg }),
    ['admin', 'officer'],
  ],
  ['keep the books', (a) => financePolicy.keepBooks(a, undefined), ['admin', 'officer']],
  ['reopen a period', (a) => financePolicy.reopenPeriod(a, undefined), ['admin', 'officer']],
  [
    'read cycles and plans',
    (a) => governancePolicy.readCycles(a, undefined),
    ['admin', 'officer', 'hacker', 'sponsor', 'community'],
  ],
  [
    'open and advance cycles',
    (a) => governancePolicy.manageCycles(a, undefined),
    ['admin', 'officer'],
  ],
  [
    'propose a sponsor item',
    (a) => governancePolicy.proposeItem(a, 'sponsors'),
    ['admin', 'officer', 'sponsor'],
  ],
  [
    'propose a community item',
    (a) => governancePolicy.proposeItem(a, 'community'),
    ['admin', 'officer', 'community'],
  ],
  [
    'propose a hacker item',
    (a) => governancePolicy.proposeItem(a, 'hackers'),
    ['admin', 'officer', 'hacker'],
  ],
  [
    'merge, split and import items',
    (a) => governancePolicy.curateItems(a, undefined),
    ['admin', 'officer', 'hacker'],
  ],
  [
    'declare another hacker’s hours',
    (a) => governancePolicy.setAvailability(a, other),
    ['admin', 'officer'],
  ],
  ['record funding', (a) => governancePolicy.recordFunding(a, undefined), ['admin', 'officer']],
  ['read all funding', (a) => governancePolicy.readFunding(a, null), ['admin', 'officer']],
  [
    'read own organization’s funding',
    (a) => governancePolicy.readFunding(a, ownOrg),
    ['admin', 'officer', 'sponsor'],
  ],
  [
    'read another organization’s funding',
    (a) => governancePolicy.readFunding(a, otherOrg),
    ['admin', 'officer'],
  ],
  ['vote with sponsor points', (a) => governancePolicy.voteAsSponsor(a, undefined), ['sponsor']],
  [
    'answer the community survey',
    (a) => governancePolicy.voteInSurvey(a, undefined),
    ['community'],
  ],
  [
    'declare hacker-slice work',
    (a) => governancePolicy.declareHackerWork(a, undefined),
    ['admin', 'officer', 'hacker'],
  ],
  ['log another’s time', (a) => governancePolicy.logTime(a, other), ['admin']],
];

describe('authorization: role x action', () => {
  for (const [action, rule, allowed] of table) {
    it(action, () => {
      const actual = Object.entries(roles)
        .filter(([, a]) => rule(a))
        .map(([name]) => name);
      expect(actual).toEqual(allowed);
    });
  }
});
