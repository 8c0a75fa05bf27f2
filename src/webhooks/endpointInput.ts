import { z } from 'zod';

/**
 * A webhook endpoint, as the routes take it (new, or changed) and as the web app's endpoint
 * form checks it before sending: one schema object, so the form's field errors are the
 * server's, in the same words. No database code here, as the web app bundles this module.
 */
export const endpointFields = {
  url: z.string().trim().min(1).max(2000),
  description: z.string().trim().max(500),
  /** The event types it receives; null for every public type, present and future. */
  eventTypes: z.array(z.string()).min(1).max(200).nullable(),
};

export const endpointInputSchema = z.strictObject({
  url: endpointFields.url,
  description: endpointFields.description.optional(),
  eventTypes: endpointFields.eventTypes.optional(),
});

export const endpointPatchSchema = z.strictObject({
  url: endpointFields.url.optional(),
  description: endpointFields.description.optional(),
  eventTypes: endpointFields.eventTypes.optional(),
});

/** Stopping the events to an endpoint, saying why (shown on the endpoint until it is enabled). */
export const disableEndpointInputSchema = z.strictObject({
  reason: z.string().trim().min(1).max(500),
});
