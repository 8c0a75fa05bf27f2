import { describe, expect, it } from 'vitest';
import type { Actor } from '../platform/actor.ts';
import { digestsPolicy } from './policy.ts';

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
  leftSponsor: actor({
    membership: { memberClass: 'sponsor', status: 'left', organizationId: ownOrg },
  }),
  coop: actor({ personId: null, displayName: 'the co-op', isAdmin: true, membership: null }),
  public: actor({ personId: null, membership: null }),
};

const table: [string, (a: Actor) => boolean, string[]][] = [
  [
    'prepare, preview, annotate and send any digest',
    (a) => digestsPolicy.manage(a, undefined),
    ['admin', 'officer', 'coop'],
  ],
  [
    'read own organization’s sent digests',
    (a) => digestsPolicy.readSent(a, ownOrg),
    ['admin', 'officer', 'sponsor', 'coop'],
  ],
  [
    'read another organization’s sent digests',
    (a) => digestsPolicy.readSent(a, otherOrg),
    ['admin', 'officer', 'coop'],
  ],
  [
    'list digests',
    (a) => digestsPolicy.list(a, undefined),
    ['admin', 'officer', 'sponsor', 'coop'],
  ],
  [
    'prepare the due digests and mail them (the co-op itself)',
    (a) => digestsPolicy.system(a, undefined),
    ['coop'],
  ],
];

describe('digests policy: who may do what', () => {
  it.each(table)('%s', (_action, rule, allowed) => {
    const got = Object.entries(roles)
      .filter(([, a]) => rule(a))
      .map(([name]) => name);
    expect(got).toEqual(allowed);
  });
});
