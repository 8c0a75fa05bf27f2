import { describe, expect, it } from 'vitest';
import { documentsPolicy } from '../documents/policy.ts';
import type { Actor } from '../platform/actor.ts';
import { agreementsPolicy } from './policy.ts';

const ownOrg = 'org-own';
const otherOrg = 'org-other';
const self = 'p-self';
const other = 'p-other';

const actor = (overrides: Partial<Actor>): Actor => ({
  coopId: 'c0',
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
  otherSponsor: actor({
    personId: other,
    membership: { memberClass: 'sponsor', status: 'active', organizationId: otherOrg },
  }),
  community: actor({}),
  leftSponsor: actor({
    membership: { memberClass: 'sponsor', status: 'left', organizationId: ownOrg },
  }),
  suspendedOfficer: actor({
    membership: { memberClass: 'hacker', status: 'suspended', organizationId: null },
    officerRoles: ['chief-economist'],
  }),
  operator: actor({ personId: null, isAdmin: true, membership: null }),
  public: actor({ personId: null, membership: null }),
};

const everyone = Object.keys(roles);

// Each action on the resource it is asked about, and the roles allowed (in the order above).
const table: [string, (a: Actor) => boolean, string[]][] = [
  [
    'read the public tiers page',
    (a) => agreementsPolicy.readPublishedTiers(a, undefined),
    everyone,
  ],
  [
    'read every tier and what it costs in hours',
    (a) => agreementsPolicy.readAllTiers(a, undefined),
    ['admin', 'officer', 'hacker', 'operator'],
  ],
  [
    'define tiers, quotes, agreements, purchase orders',
    (a) => agreementsPolicy.manage(a, undefined),
    ['admin', 'officer', 'operator'],
  ],
  [
    'list every organization’s quotes and agreements',
    (a) => agreementsPolicy.readAll(a, undefined),
    ['admin', 'officer', 'hacker', 'operator'],
  ],
  [
    'read the sponsor’s own agreement',
    (a) => agreementsPolicy.readOrganization(a, ownOrg),
    ['admin', 'officer', 'hacker', 'sponsor', 'operator'],
  ],
  [
    'read another sponsor’s agreement',
    (a) => agreementsPolicy.readOrganization(a, otherOrg),
    ['admin', 'officer', 'hacker', 'otherSponsor', 'operator'],
  ],
  [
    'read the capacity plan',
    (a) => agreementsPolicy.readCapacity(a, undefined),
    ['admin', 'officer', 'hacker', 'operator'],
  ],
  ['accept a quote through its link', (a) => agreementsPolicy.acceptByLink(a, undefined), everyone],
  [
    'run renewals by hand',
    (a) => agreementsPolicy.runRenewals(a, undefined),
    ['admin', 'operator'],
  ],
  [
    'render any document',
    (a) => documentsPolicy.render(a, undefined),
    ['admin', 'officer', 'operator'],
  ],
  [
    'render one’s own membership agreement',
    (a) => documentsPolicy.renderFor(a, { templateKey: 'membership-agreement', personId: self }),
    ['admin', 'officer', 'hacker', 'sponsor', 'community', 'operator'],
  ],
  [
    'render someone else’s membership agreement',
    (a) => documentsPolicy.renderFor(a, { templateKey: 'membership-agreement', personId: other }),
    ['admin', 'officer', 'otherSponsor', 'operator'],
  ],
  [
    'render a sponsor retainer',
    (a) =>
      documentsPolicy.renderFor(a, {
        templateKey: 'sponsor-retainer',
        organizationId: ownOrg,
        personId: undefined,
      }),
    ['admin', 'officer', 'operator'],
  ],
  [
    'read one’s organization’s document',
    (a) => documentsPolicy.read(a, { organizationId: ownOrg, personId: null }),
    ['admin', 'officer', 'sponsor', 'operator'],
  ],
  [
    'read another organization’s document',
    (a) => documentsPolicy.read(a, { organizationId: otherOrg, personId: null }),
    ['admin', 'officer', 'otherSponsor', 'operator'],
  ],
  [
    'read one’s own paper',
    (a) => documentsPolicy.read(a, { organizationId: null, personId: self }),
    ['admin', 'officer', 'hacker', 'sponsor', 'community', 'operator'],
  ],
  [
    'read the co-op’s rules and the DCO',
    (a) => documentsPolicy.read(a, { organizationId: null, personId: null }),
    ['admin', 'officer', 'hacker', 'sponsor', 'otherSponsor', 'community', 'operator'],
  ],
  [
    'accept a document in one’s own name',
    (a) => documentsPolicy.acceptAsMember(a, undefined),
    ['admin', 'officer', 'hacker', 'sponsor', 'otherSponsor', 'community'],
  ],
  [
    'list every acceptance',
    (a) => documentsPolicy.readAll(a, undefined),
    ['admin', 'officer', 'operator'],
  ],
];

describe('agreements and documents: role x action', () => {
  for (const [action, rule, allowed] of table) {
    it(action, () => {
      const actual = Object.entries(roles)
        .filter(([, a]) => rule(a))
        .map(([name]) => name);
      expect(actual).toEqual(allowed);
    });
  }
});
