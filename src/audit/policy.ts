import { isAdmin, type Rule } from '../platform/policy.ts';

export const auditPolicy = {
  readEvents: ((actor) => isAdmin(actor)) as Rule,
  readOutbox: ((actor) => isAdmin(actor)) as Rule,
};
