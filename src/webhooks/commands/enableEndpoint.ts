import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { webhookEndpointEnabled } from '../events.ts';
import { manageDenied, webhooksPolicy } from '../policy.ts';
import { lockEndpoint } from '../queries.ts';
import { webhookEndpoints } from '../schema.ts';

/** Deliveries resume with the next event; failed ones wait for a replay. */
export const enableEndpoint = defineCommand({
  name: 'webhooks.enableEndpoint',
  input: z.strictObject({ endpointId: z.uuid() }),
  policy: webhooksPolicy.manage,
  denied: manageDenied,
  events: [webhookEndpointEnabled],
  async run(tx, input, ctx) {
    const endpoint = await lockEndpoint(tx, ctx.coopId, input.endpointId);
    if (!endpoint.disabledAt) return;
    await tx
      .update(webhookEndpoints)
      .set({
        disabledAt: null,
        disabledReason: null,
        consecutiveFailures: 0,
        updatedAt: ctx.clock.now(),
      })
      .where(
        and(eq(webhookEndpoints.coopId, ctx.coopId), eq(webhookEndpoints.id, input.endpointId)),
      );
    await ctx.emit(webhookEndpointEnabled, input.endpointId, {});
  },
});
