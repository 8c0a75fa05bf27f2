import type { Rule } from '../platform/policy.ts';

/** What the co-op waits for from someone is theirs alone to see, and to be reminded of. */
export const todoPolicy = {
  /** Read one's own list: any signed-in person. */
  readOwn: ((actor) => actor.personId !== null) as Rule,
  /** Switch one's own digest on or off. */
  setOwnDigest: ((actor) => actor.personId !== null) as Rule,
  /** Send the digest to everyone: the co-op itself (its weekly job) or an administrator. */
  sendDigests: ((actor) => actor.isAdmin) as Rule,
};
