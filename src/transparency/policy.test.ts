import { describe, expect, it } from 'vitest';
import { operatorActor, publicActor, type Actor } from '../platform/actor.ts';
import { transparencyPolicy } from './policy.ts';

const member = (status: 'active' | 'applicant' | 'suspended' | 'left'): Actor => ({
  coopId: 'c0',
  personId: 'p',
  displayName: 'x',
  isAdmin: false,
  membership: { memberClass: 'community', status, organizationId: null },
  officerRoles: [],
});

const roles: Record<string, Actor> = {
  public: publicActor('c0'),
  applicant: member('applicant'),
  member: member('active'),
  suspended: member('suspended'),
  left: member('left'),
  operator: operatorActor('c0'),
};

// role: [readLog, readMemberEntries, witness]
const table: Record<string, [boolean, boolean, boolean]> = {
  public: [true, false, false],
  applicant: [true, false, false],
  member: [true, true, true],
  suspended: [true, false, false],
  left: [true, false, false],
  operator: [true, true, false],
};

describe('transparency policy: role x action', () => {
  it.each(Object.entries(table))('%s', (role, [read, entries, witness]) => {
    const actor = roles[role]!;
    expect(transparencyPolicy.readLog(actor, undefined)).toBe(read);
    expect(transparencyPolicy.readMemberEntries(actor, undefined)).toBe(entries);
    expect(transparencyPolicy.witness(actor, undefined)).toBe(witness);
  });
});
