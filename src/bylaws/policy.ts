import { isAdmin, type Rule } from '../platform/policy.ts';

export const bylawsPolicy = {
  /** Bylaws are the co-op's public constitution. */
  read: (() => true) as Rule,
  /** Until amendments pass by proposal (governance), an administrator records them. */
  amend: ((actor) => isAdmin(actor)) as Rule,
};
