import type { Actor } from '../platform/actor.ts';
import { isActiveMember, isAdmin, isOfficer, type Rule } from '../platform/policy.ts';

const adminOrOfficer: Rule = (actor) => isAdmin(actor) || isOfficer(actor);
const isSelf = (actor: Actor, personId: string) => actor.personId === personId;

export const membersPolicy = {
  /** The directory is for members; the public sees it only if the bylaws publish it. */
  readDirectory: ((actor, published) =>
    published || isAdmin(actor) || isActiveMember(actor)) as Rule<boolean>,
  readProfile: ((actor, target) =>
    isSelf(actor, target.personId) ||
    isAdmin(actor) ||
    isActiveMember(actor) ||
    target.published) as Rule<{ personId: string; published: boolean }>,
  /** Email addresses and status history are private to the person, admins and officers. */
  readPrivateDetails: ((actor, personId) =>
    isSelf(actor, personId) || adminOrOfficer(actor, undefined)) as Rule<string>,
  updateOwnProfile: ((actor, personId) => isSelf(actor, personId)) as Rule<string>,
  invite: adminOrOfficer,
  importMembers: ((actor) => isAdmin(actor)) as Rule,
  issueRegistrationCode: adminOrOfficer,
  changeStatus: ((actor, personId) =>
    !isSelf(actor, personId) && adminOrOfficer(actor, undefined)) as Rule<string>,
  appointOfficer: ((actor) => isAdmin(actor)) as Rule,
  grantAdmin: ((actor, personId) => isAdmin(actor) && !isSelf(actor, personId)) as Rule<string>,
};
