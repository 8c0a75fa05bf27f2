import type { Actor } from './actor.ts';
import { forbidden, unauthorized } from './errors.ts';

/** A rule answers "may this actor do this (to this record)?"; domains declare theirs in policy.ts. */
export type Rule<R = void> = (actor: Actor, resource: R) => boolean;

export const isSignedIn = (actor: Actor): boolean => actor.personId !== null || actor.isAdmin;
export const isActiveMember = (actor: Actor): boolean => actor.membership?.status === 'active';
/**
 * A person's administrator rights hold only while their membership is active: one who left or
 * was suspended keeps the flag (it returns if they come back) but not the rights. The operator
 * and the co-op itself are no person and hold no membership.
 */
export const isAdmin = (actor: Actor): boolean =>
  actor.isAdmin && (actor.personId === null || isActiveMember(actor));
/**
 * The co-op acting by itself (jobs, the dispatcher's consumers) or the operator at the console:
 * administrator rights and no person. Rules for what follows from events alone use this, so no
 * member, however privileged, can trigger them by hand.
 */
export const isAutomatic: Rule = (actor) => actor.isAdmin && actor.personId === null;
/** The organization the actor speaks for: only an active member speaks for one. */
export const ownOrganizationId = (actor: Actor): string | null =>
  isActiveMember(actor) ? (actor.membership?.organizationId ?? null) : null;
export const isOfficer = (actor: Actor): boolean =>
  isActiveMember(actor) && actor.officerRoles.length > 0;
export const holdsOffice = (actor: Actor, role: string): boolean =>
  isActiveMember(actor) && actor.officerRoles.includes(role);
export const isActiveInClass = (actor: Actor, memberClass: string): boolean =>
  isActiveMember(actor) && actor.membership?.memberClass === memberClass;

/** Throws 401 for the public and 403 for a signed-in actor the rule refuses. */
export function authorize<R>(actor: Actor, rule: Rule<R>, resource: R, detail?: string): void {
  if (rule(actor, resource)) return;
  // The code lets the web say it in the member's language; API users keep the specific detail.
  throw isSignedIn(actor)
    ? forbidden(detail).because('forbidden')
    : unauthorized().because('session.signed-out');
}
