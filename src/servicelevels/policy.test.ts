import { describe, expect, it } from 'vitest';
import type { Actor } from '../platform/actor.ts';
import { serviceLevelsPolicy } from './policy.ts';

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
roles.system = actor({ personId: null, isAdmin: true, membership: null });

const everyoneButSystem = Object.keys(roles);
// Each action on the resource it is asked about, and the roles allowed (in the order above).
const table: [string, (a: Actor) => boolean, string[]][] = [
  [
    'set a sponsor’s service calendar',
    (a) => serviceLevelsPolicy.manage(a, undefined),
    ['admin', 'officer', 'operator', 'system'],
  ],
  [
    'see every organization’s clocks',
    (a) => serviceLevelsPolicy.listAllClocks(a, undefined),
    ['admin', 'officer', 'operator', 'system'],
  ],
  [
    'read the own organization’s clocks and calendar',
    (a) => serviceLevelsPolicy.readOrganization(a, ownOrg),
    ['admin', 'officer', 'sponsor', 'operator', 'system'],
  ],
  [
    'read another organization’s clocks and calendar',
    (a) => serviceLevelsPolicy.readOrganization(a, otherOrg),
    ['admin', 'officer', 'otherSponsor', 'operator', 'system'],
  ],
  [
    'confirm or decline a proposed service credit',
    (a) => serviceLevelsPolicy.decideCredits(a, undefined),
    ['admin', 'officer', 'operator', 'system'],
  ],
  [
    'follow events and record warnings and breaches (the co-op itself)',
    (a) => serviceLevelsPolicy.automatic(a, undefined),
    ['operator', 'system'],
  ],
];

describe('service levels: role x action', () => {
  it('covers every role', () => expect(everyoneButSystem).toHaveLength(11));
  for (const [action, rule, allowed] of table) {
    it(action, () => {
      const actual = Object.entries(roles)
        .filter(([, a]) => rule(a))
        .map(([name]) => name);
      expect(actual).toEqual(allowed);
    });
  }
});
