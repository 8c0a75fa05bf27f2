import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { assertDeliverableUrl } from '../addresses.ts';
import { webhookEndpointRegistered } from '../events.ts';
import { checkSubscribedTypes } from '../eventTypes.ts';
import { manageDenied, webhooksPolicy } from '../policy.ts';
import { webhookEndpoints } from '../schema.ts';
import { newSecret } from '../signing.ts';
import { endpointFields } from '../endpointInput.ts';

/**
 * The operator's COOP_WEBHOOKS_ALLOW_PRIVATE, which callers copy from the configuration (a
 * route never takes it from the request body): may the URL reach a private address?
 */
export const allowPrivateField = z.boolean().default(false);

/** A new endpoint; its secret is returned here and never shown again. */
export const registerEndpoint = defineCommand({
  name: 'webhooks.registerEndpoint',
  input: z.strictObject({
    url: endpointFields.url,
    description: endpointFields.description.default(''),
    eventTypes: endpointFields.eventTypes.default(null),
    allowPrivateAddresses: allowPrivateField,
  }),
  policy: webhooksPolicy.manage,
  denied: manageDenied,
  events: [webhookEndpointRegistered],
  // Resolving the host is network I/O: done before the transaction opens.
  async prepare(input) {
    checkSubscribedTypes(input.eventTypes);
    const url = await assertDeliverableUrl(input.url, {
      allowPrivate: input.allowPrivateAddresses,
    });
    return { url, secret: newSecret() };
  },
  async run(tx, input, ctx, { url, secret }) {
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        coopId: ctx.coopId,
        url: url.href,
        description: input.description,
        eventTypes: input.eventTypes,
        secret,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: webhookEndpoints.id });
    await ctx.emit(webhookEndpointRegistered, row!.id, {
      origin: url.origin,
      eventTypes: input.eventTypes,
    });
    return { id: row!.id, secret };
  },
});
