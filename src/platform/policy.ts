import type { Actor } from './actor.ts';
import { forbidden, unauthorized } from './errors.ts';

/** A rule answers "may this actor do this (to this record)?"; domains declare theirs in policy.ts. */
export type Rule<R = void> = (actor: Actor, resource: R) => boolean;

export const isSignedIn = (actor: Actor): boolean => actor.personId !== null || actor.isAdmin;
export const isAdmin = (actor: Actor): boolean => actor.isAdmin;
export const isActiveMember = (actor: Actor): boolean => actor.membership?.status === 'active';
export const isOfficer = (actor: Actor): boolean =>
  isActiveMember(actor) && actor.officerRoles.length > 0;
export const holdsOffice = (actor: Actor, role: string): boolean =>
  isActiveMember(actor) && actor.officerRoles.includes(role);
export const isActiveInClass = (actor: Actor, memberClass: string): boolean =>
  isActiveMember(actor) && actor.membership?.memberClass === memberClass;

/** Throws 401 for the public and 403 for a signed-in actor the rule refuses. */
export function authorize<R>(actor: Actor, rule: Rule<R>, resource: R, detail?: string): void {
  if (rule(actor, resource)) return;
  throw isSignedIn(actor) ? forbidden(detail) : unauthorized();
}
