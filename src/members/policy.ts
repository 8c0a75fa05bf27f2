import type { Actor } from '../platform/actor.ts';
import { isActiveMember, isAdmin, isOfficer, type Rule } from '../platform/policy.ts';

const adminOrOfficer: Rule = (actor) => isAdmin(actor) || isOfficer(actor);
const isSelf = (actor: Actor, personId: string) => actor.personId === personId;

export const membersPolicy = {
  /** Signing in, opening a mailed link, asking for a reset: what a stranger at the door may do. */
  anyone: (() => true) as Rule,
  /** Their own addresses and password: a person signed in as themselves. */
  ownAccount: ((actor) => actor.personId !== null) as Rule,
  /** Adding a person directly (set-up, the demo): the co-op itself or its administrators. */
  addMember: ((actor) => isAdmin(actor)) as Rule,
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
  /**
   * An officer or an administrator is suspended, removed or reinstated only by an
   * administrator: otherwise one officer could suspend the others and the administrators.
   */
  changeStatusOf: ((actor, target) =>
    !isSelf(actor, target.personId) &&
    (target.official ? isAdmin(actor) : adminOrOfficer(actor, undefined))) as Rule<{
    personId: string;
    official: boolean;
  }>,
  appointOfficer: ((actor) => isAdmin(actor)) as Rule,
  grantAdmin: ((actor, personId) => isAdmin(actor) && !isSelf(actor, personId)) as Rule<string>,
};

/** A rule about a person, applied to a command's input that names them. */
export const aboutPerson =
  (rule: Rule<string>): Rule<{ personId: string }> =>
  (actor, input) =>
    rule(actor, input.personId);
