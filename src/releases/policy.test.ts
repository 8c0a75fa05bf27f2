import { describe, expect, it } from 'vitest';
import type { Actor } from '../platform/actor.ts';
import { editRelease } from './commands/editRelease.ts';
import { planRelease } from './commands/planRelease.ts';
import { publishRelease } from './commands/publishRelease.ts';
import { withdrawRelease } from './commands/withdrawRelease.ts';
import { releasesPolicy } from './policy.ts';

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
  admin: actor({ isAdmin: true }),
  // An officer from the community class: the office, not the class, lets them write.
  officer: actor({ officerRoles: ['secretary'] }),
  hacker: actor({ membership: { memberClass: 'hacker', status: 'active', organizationId: null } }),
  sponsor: actor({
    membership: { memberClass: 'sponsor', status: 'active', organizationId: 'org-1' },
  }),
  community: actor({}),
  leftHacker: actor({
    membership: { memberClass: 'hacker', status: 'left', organizationId: null },
  }),
  public: actor({ personId: null, membership: null }),
};

const commandRule = (command: { policy: unknown }) => command.policy as (a: Actor) => boolean;

const writers = ['admin', 'officer', 'hacker'];
const table: [string, (a: Actor) => boolean, string[]][] = [
  [
    'read planned and published ones',
    (a) => releasesPolicy.read(a, undefined),
    ['admin', 'officer', 'hacker', 'sponsor', 'community'],
  ],
  ['read withdrawn ones', (a) => releasesPolicy.readWithdrawn(a, undefined), writers],
  ['announce (plan)', commandRule(planRelease), writers],
  ['edit while planned', commandRule(editRelease), writers],
  ['publish', commandRule(publishRelease), writers],
  ['withdraw', commandRule(withdrawRelease), writers],
];

describe('releases policy: who may do what', () => {
  it.each(table)('%s', (_action, rule, allowed) => {
    const got = Object.entries(roles)
      .filter(([, a]) => rule(a))
      .map(([name]) => name);
    expect(got).toEqual(allowed);
  });
});
