import type { MemberClass, MembershipStatus } from '../members/schema.ts';

/** Who is acting: loaded once per request from the session, or built by the CLI. */
export interface Actor {
  coopId: string;
  personId: string | null;
  displayName: string | null;
  isAdmin: boolean;
  membership: {
    memberClass: MemberClass;
    status: MembershipStatus;
    organizationId: string | null;
  } | null;
  /** Officer roles held today, e.g. `chief-economist`. */
  officerRoles: string[];
}

export const publicActor = (coopId: string): Actor => ({
  coopId,
  personId: null,
  displayName: null,
  isAdmin: false,
  membership: null,
  officerRoles: [],
});

/** The operator at the console: the CLI acts with administrator rights. */
export const operatorActor = (coopId: string): Actor => ({
  coopId,
  personId: null,
  displayName: 'operator (CLI)',
  isAdmin: true,
  membership: null,
  officerRoles: [],
});

/**
 * The co-op itself, acting on its own rules: a poll closing at its deadline, a payroll run on
 * its day. It holds administrator rights; events record no person for it.
 */
export const systemActor = (coopId: string): Actor => ({
  coopId,
  personId: null,
  displayName: 'the co-op (automatic)',
  isAdmin: true,
  membership: null,
  officerRoles: [],
});
