import { isAdmin, type Rule } from '../platform/policy.ts';

export const auditPolicy = {
  readEvents: ((actor) => isAdmin(actor)) as Rule,
  readOutbox: ((actor) => isAdmin(actor)) as Rule,
  /** How far mail, webhooks and the rest lag behind the log, and why one is stuck. */
  readEventConsumers: ((actor) => isAdmin(actor)) as Rule,
};
