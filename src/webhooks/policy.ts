import { isAdmin, isOfficer, type Rule } from '../platform/policy.ts';

export const webhooksPolicy = {
  /** Endpoints, their deliveries and secrets: the officers and administrators. */
  manage: ((actor) => isAdmin(actor) || isOfficer(actor)) as Rule,
};

export const manageDenied = 'Only officers and administrators manage webhooks.';
