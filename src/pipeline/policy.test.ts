import { describe, expect, it } from 'vitest';
import type { Actor } from '../platform/actor.ts';
import { pipelinePolicy } from './policy.ts';

const actor = (overrides: Partial<Actor>): Actor => ({
  coopId: 'c0',
  personId: 'p-self',
  displayName: 'x',
  isAdmin: false,
  membership: { memberClass: 'community', status: 'active', organizationId: null },
  officerRoles: [],
  ...overrides,
});
const hacker = { memberClass: 'hacker', status: 'active', organizationId: null } as const;
const sponsor = { memberClass: 'sponsor', status: 'active', organizationId: 'org' } as const;

const roles: Record<string, Actor> = {
  admin: actor({ isAdmin: true, membership: hacker }),
  officer: actor({ membership: hacker, officerRoles: ['chief-economist'] }),
  hacker: actor({ membership: hacker }),
  sponsor: actor({ membership: sponsor }),
  sponsorOfficer: actor({ membership: sponsor, officerRoles: ['chief-economist'] }),
  sponsorAdmin: actor({ isAdmin: true, membership: sponsor }),
  community: actor({}),
  leftHacker: actor({ membership: { ...hacker, status: 'left' } }),
  operator: actor({ personId: null, isAdmin: true, membership: null }),
  public: actor({ personId: null, membership: null }),
};

const table: [string, (a: Actor) => boolean, string[]][] = [
  [
    'open, edit and move opportunities',
    (a) => pipelinePolicy.manage(a, undefined),
    ['admin', 'officer', 'operator'],
  ],
  [
    'read the board, prospects and forecast',
    (a) => pipelinePolicy.read(a, undefined),
    ['admin', 'officer', 'hacker', 'operator'],
  ],
  [
    'follow agreements (the co-op itself)',
    (a) => pipelinePolicy.followAgreements(a, undefined),
    ['operator'],
  ],
];

describe('the pipeline policy, role x action', () => {
  for (const [action, rule, allowed] of table)
    it(action, () => {
      const got = Object.keys(roles).filter((role) => rule(roles[role]!));
      expect(got).toEqual(allowed);
    });
});
