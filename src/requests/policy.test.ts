import { describe, expect, it } from 'vitest';
import type { Actor } from '../platform/actor.ts';
import { requestsPolicy } from './policy.ts';

const ownOrg = 'org-own';
const otherOrg = 'org-other';

const actor = (overrides: Partial<Actor>): Actor => ({
  coopId: 'c0',
  personId: 'p-self',
  displayName: 'x',
  isAdmin: false,
  membership: { memberClass: 'community', status: 'active', organizationId: null },
  officerRoles: [],
  ...overrides,
});

const roles: Record<string, Actor> = {
  admin: actor({
    isAdmin: true,
    membership: { memberClass: 'community', status: 'active', organizationId: null },
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
    personId: 'p-other',
    membership: { memberClass: 'sponsor', status: 'active', organizationId: otherOrg },
  }),
  community: actor({}),
  leftSponsor: actor({
    membership: { memberClass: 'sponsor', status: 'left', organizationId: ownOrg },
  }),
  suspendedHacker: actor({
    membership: { memberClass: 'hacker', status: 'suspended', organizationId: null },
  }),
  system: actor({ personId: null, isAdmin: true, membership: null }),
  public: actor({ personId: null, membership: null }),
};

// Each action on the own organization's request, and the roles allowed (in the order above).
const table: [string, (a: Actor) => boolean, string[]][] = [
  [
    'list requests',
    (a) => requestsPolicy.list(a, undefined),
    ['admin', 'officer', 'hacker', 'sponsor', 'otherSponsor', 'system'],
  ],
  [
    'read every organization’s requests',
    (a) => requestsPolicy.readAll(a, undefined),
    ['admin', 'officer', 'hacker', 'system'],
  ],
  [
    'read the own organization’s request',
    (a) => requestsPolicy.readOrganization(a, ownOrg),
    ['admin', 'officer', 'hacker', 'sponsor', 'system'],
  ],
  ['open a request for the organization', (a) => requestsPolicy.open(a, ownOrg), ['sponsor']],
  ['answer for the sponsor', (a) => requestsPolicy.answerAsSponsor(a, ownOrg), ['sponsor']],
  [
    'answer for the co-op (with minutes)',
    (a) => requestsPolicy.answerAsCoop(a, undefined),
    ['officer', 'hacker'],
  ],
  [
    'wait on the sponsor, resolve',
    (a) => requestsPolicy.manage(a, undefined),
    ['officer', 'hacker'],
  ],
  ['reopen', (a) => requestsPolicy.reopen(a, ownOrg), ['sponsor']],
  ['mail about requests', (a) => requestsPolicy.notify(a, undefined), ['admin', 'system']],
];

describe('requests policy', () => {
  for (const [action, rule, allowed] of table)
    it(action, () => {
      const granted = Object.entries(roles)
        .filter(([, a]) => rule(a))
        .map(([name]) => name);
      expect(granted).toEqual(allowed);
    });

  it('never lets a representative act on another organization’s request', () => {
    const other = roles.otherSponsor!;
    expect(requestsPolicy.readOrganization(other, ownOrg)).toBe(false);
    expect(requestsPolicy.open(other, ownOrg)).toBe(false);
    expect(requestsPolicy.answerAsSponsor(other, ownOrg)).toBe(false);
    expect(requestsPolicy.reopen(other, ownOrg)).toBe(false);
  });
});
