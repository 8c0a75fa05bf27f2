import { describe, expect, it } from 'vitest';
import type { Actor } from '../platform/actor.ts';
import { invoicingPolicy } from './policy.ts';

const actor = (overrides: Partial<Actor>): Actor => ({
  coopId: 'c0',
  personId: 'p-self',
  displayName: 'x',
  isAdmin: false,
  membership: { memberClass: 'community', status: 'active', organizationId: null },
  officerRoles: [],
  ...overrides,
});
const hacker = { memberClass: 'hacker' as const, status: 'active' as const, organizationId: null };

const roles: Record<string, Actor> = {
  admin: actor({ isAdmin: true, membership: hacker }),
  economist: actor({ membership: hacker, officerRoles: ['chief-economist'] }),
  technologist: actor({ membership: hacker, officerRoles: ['chief-technologist'] }),
  hacker: actor({ membership: hacker }),
  sponsor: actor({
    membership: { memberClass: 'sponsor', status: 'active', organizationId: 'org-own' },
  }),
  leftSponsor: actor({
    membership: { memberClass: 'sponsor', status: 'left', organizationId: 'org-own' },
  }),
  community: actor({}),
  public: actor({ personId: null, membership: null }),
};

const own = { organizationId: 'org-own' };
const other = { organizationId: 'org-other' };

// Who may do what with invoices: Y allowed, - refused.
const table: [string, Record<string, 'Y' | '-'>][] = [
  [
    'issue',
    {
      admin: 'Y',
      economist: 'Y',
      technologist: '-',
      hacker: '-',
      sponsor: '-',
      leftSponsor: '-',
      community: '-',
      public: '-',
    },
  ],
  [
    'settle',
    {
      admin: 'Y',
      economist: 'Y',
      technologist: '-',
      hacker: '-',
      sponsor: '-',
      leftSponsor: '-',
      community: '-',
      public: '-',
    },
  ],
  [
    'configure',
    {
      admin: 'Y',
      economist: 'Y',
      technologist: '-',
      hacker: '-',
      sponsor: '-',
      leftSponsor: '-',
      community: '-',
      public: '-',
    },
  ],
  [
    'readAll',
    {
      admin: 'Y',
      economist: 'Y',
      technologist: 'Y',
      hacker: '-',
      sponsor: '-',
      leftSponsor: '-',
      community: '-',
      public: '-',
    },
  ],
  [
    'read own organization’s',
    {
      admin: 'Y',
      economist: 'Y',
      technologist: 'Y',
      hacker: '-',
      sponsor: 'Y',
      leftSponsor: '-',
      community: '-',
      public: '-',
    },
  ],
  [
    'read another organization’s',
    {
      admin: 'Y',
      economist: 'Y',
      technologist: 'Y',
      hacker: '-',
      sponsor: '-',
      leftSponsor: '-',
      community: '-',
      public: '-',
    },
  ],
];

describe('invoicing policy', () => {
  for (const [action, expected] of table)
    it.each(Object.entries(expected))(`${action}: %s → %s`, (role, allowed) => {
      const a = roles[role]!;
      const answer =
        action === 'read own organization’s'
          ? invoicingPolicy.read(a, own)
          : action === 'read another organization’s'
            ? invoicingPolicy.read(a, other)
            : invoicingPolicy[action as 'issue' | 'settle' | 'configure' | 'readAll'](a, undefined);
      expect(answer).toBe(allowed === 'Y');
    });
});
