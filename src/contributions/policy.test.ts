import { describe, expect, it } from 'vitest';
import type { Actor } from '../platform/actor.ts';
import { contributionsPolicy } from './policy.ts';

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
  officer: actor({
    membership: { memberClass: 'hacker', status: 'active', organizationId: null },
    officerRoles: ['chief-technologist'],
  }),
  hacker: actor({ membership: { memberClass: 'hacker', status: 'active', organizationId: null } }),
  community: actor({}),
  leftMember: actor({
    membership: { memberClass: 'community', status: 'left', organizationId: null },
  }),
  public: actor({ personId: null, membership: null }),
};

const own = { personId: 'p-self', published: false };
const other = { personId: 'p-other', published: false };
const otherPublished = { personId: 'p-other', published: true };

// role -> [manage, read, own record, other's record, other's when published, all records, all when published]
const table: Record<string, boolean[]> = {
  admin: [true, true, true, true, true, true, true],
  officer: [true, true, true, true, true, true, true],
  hacker: [false, true, true, false, true, false, true],
  community: [false, true, true, false, true, false, true],
  leftMember: [false, false, false, false, false, false, false],
  public: [false, false, false, false, false, false, false],
};

describe('contributions policy', () => {
  it.each(Object.entries(table))('%s', (role, expected) => {
    const a = roles[role]!;
    expect([
      contributionsPolicy.manage(a, undefined),
      contributionsPolicy.read(a, undefined),
      contributionsPolicy.readMemberRecord(a, own),
      contributionsPolicy.readMemberRecord(a, other),
      contributionsPolicy.readMemberRecord(a, otherPublished),
      contributionsPolicy.readAllRecords(a, { published: false }),
      contributionsPolicy.readAllRecords(a, { published: true }),
    ]).toEqual(expected);
  });
});
