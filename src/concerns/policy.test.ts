import { describe, expect, it } from 'vitest';
import type { Actor } from '../platform/actor.ts';
import { answerConsultation } from './commands/answerConsultation.ts';
import { concernsPolicy } from './policy.ts';

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
  public: actor({ personId: null, membership: null }),
};

const answerRule = answerConsultation.policy as (a: Actor) => boolean;

const table: [string, (a: Actor) => boolean, string[]][] = [
  [
    'read every sponsor’s concerns',
    (a) => concernsPolicy.readAll(a, undefined),
    ['admin', 'officer', 'hacker'],
  ],
  [
    'read own organization’s concerns',
    (a) => concernsPolicy.read(a, ownOrg),
    ['admin', 'officer', 'hacker', 'sponsor'],
  ],
  [
    'read another organization’s concerns',
    (a) => concernsPolicy.read(a, otherOrg),
    ['admin', 'officer', 'hacker'],
  ],
  [
    'edit own organization’s concerns',
    (a) => concernsPolicy.edit(a, ownOrg),
    ['admin', 'officer', 'sponsor'],
  ],
  [
    'edit another organization’s concerns',
    (a) => concernsPolicy.edit(a, otherOrg),
    ['admin', 'officer'],
  ],
  [
    'tag items and open consultations',
    (a) => concernsPolicy.consult(a, undefined),
    ['admin', 'officer', 'hacker'],
  ],
  [
    'read an item’s consultations',
    (a) => concernsPolicy.readItem(a, undefined),
    ['admin', 'officer', 'hacker', 'sponsor'],
  ],
  ['answer for own organization', (a) => concernsPolicy.answer(a, ownOrg), ['sponsor']],
  ['answer for another organization', (a) => concernsPolicy.answer(a, otherOrg), []],
  ['answer from the portal', answerRule, ['sponsor']],
  ['answer by a mailed link', (a) => concernsPolicy.answerByLink(a, undefined), Object.keys(roles)],
  ['mail a consultation (the co-op itself)', (a) => concernsPolicy.mail(a, undefined), ['admin']],
];

describe('concerns policy: who may do what', () => {
  it.each(table)('%s', (_action, rule, allowed) => {
    const got = Object.entries(roles)
      .filter(([, a]) => rule(a))
      .map(([name]) => name);
    expect(got).toEqual(allowed);
  });
});
