import { isActiveMember, isAdmin, type Rule } from '../platform/policy.ts';

export const transparencyPolicy = {
  /** Checkpoints, proofs and the hashes of every leaf: anyone, signed in or not. */
  readLog: (() => true) as Rule,
  /** The entries of member-visible leaves, and the records behind them: members. */
  readMemberEntries: ((actor) => isActiveMember(actor) || isAdmin(actor)) as Rule,
  /** Registering a witness key and co-signing with it: active members. */
  witness: ((actor) => isActiveMember(actor) && actor.personId !== null) as Rule,
};

export const witnessDenied = 'Only active members witness the log.';
