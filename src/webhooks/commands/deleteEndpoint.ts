import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { webhookEndpointDeleted } from '../events.ts';
import { manageDenied, webhooksPolicy } from '../policy.ts';
import { lockEndpoint } from '../queries.ts';
import { webhookEndpoints } from '../schema.ts';

/** The endpoint and its deliveries go; jobs still queued for them find nothing and stop. */
export const deleteEndpoint = defineCommand({
  name: 'webhooks.deleteEndpoint',
  input: z.strictObject({ endpointId: z.uuid() }),
  policy: webhooksPolicy.manage,
  denied: manageDenied,
  events: [webhookEndpointDeleted],
  async run(tx, input, ctx) {
    const endpoint = await lockEndpoint(tx, ctx.coopId, input.endpointId);
    await tx
      .delete(webhookEndpoints)
      .where(
        and(eq(webhookEndpoints.coopId, ctx.coopId), eq(webhookEndpoints.id, input.endpointId)),
      );
    await ctx.emit(webhookEndpointDeleted, input.endpointId, {
      origin: new URL(endpoint.url).origin,
    });
  },
});
