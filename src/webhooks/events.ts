import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';

const subject = 'webhook-endpoint';

// Internal: these describe the delivery machinery, not the co-op. Delivering them would tell
// every receiver where the others are (their hosts) and would loop (a failing endpoint's
// disabling sent to that endpoint). Officers follow them in the event log and the webhooks page.
// Event data names the endpoint's origin, never its full URL (a path or query may hold a
// token), and never a secret.

export const webhookEndpointRegistered = defineEvent({
  name: 'webhook.endpoint-registered',
  subject,
  summary: 'An officer registered a webhook endpoint; `origin` is its scheme, host and port.',
  data: z.object({
    origin: z.string(),
    eventTypes: z.array(z.string()).nullable(),
  }),
  internal: true,
});

export const webhookEndpointUpdated = defineEvent({
  name: 'webhook.endpoint-updated',
  subject,
  summary: 'A webhook endpoint’s URL, description or event types changed; `fields` names which.',
  data: z.object({ fields: z.array(z.string()) }),
  internal: true,
});

export const webhookSecretRotated = defineEvent({
  name: 'webhook.secret-rotated',
  subject,
  summary: 'A webhook endpoint got a new signing secret; the old one signs too until it expires.',
  data: z.object({ previousSecretExpiresAt: z.iso.datetime() }),
  internal: true,
});

export const webhookEndpointDisabled = defineEvent({
  name: 'webhook.endpoint-disabled',
  subject,
  summary:
    'A webhook endpoint stopped receiving events: by an officer, or automatically after its deliveries kept failing.',
  data: z.object({ reason: z.string(), automatic: z.boolean() }),
  internal: true,
});

export const webhookEndpointEnabled = defineEvent({
  name: 'webhook.endpoint-enabled',
  subject,
  summary: 'A disabled webhook endpoint was enabled again.',
  data: z.object({}),
  internal: true,
});

export const webhookEndpointDeleted = defineEvent({
  name: 'webhook.endpoint-deleted',
  subject,
  summary: 'A webhook endpoint was deleted, with its deliveries.',
  data: z.object({ origin: z.string() }),
  internal: true,
});

export const webhookDeliveriesReplayed = defineEvent({
  name: 'webhook.deliveries-replayed',
  subject,
  summary: 'Deliveries to a webhook endpoint were sent again from the first attempt.',
  data: z.object({ deliveries: z.number().int() }),
  internal: true,
});
