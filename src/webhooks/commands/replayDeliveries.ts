import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { enqueueAttempt } from '../attempts.ts';
import { webhookDeliveriesReplayed } from '../events.ts';
import { manageDenied, webhooksPolicy } from '../policy.ts';
import { lockEndpoint } from '../queries.ts';
import { webhookDeliveries } from '../schema.ts';

/**
 * Sends deliveries again from a first attempt, with the full retry schedule: one (failed or
 * succeeded: a receiver that lost it), or every failed one of the endpoint. The webhook-id stays
 * the delivery's, so a receiver that keeps ids drops what it already has.
 */
export const replayDeliveries = defineCommand({
  name: 'webhooks.replayDeliveries',
  input: z.strictObject({ endpointId: z.uuid(), deliveryId: z.uuid().optional() }),
  policy: webhooksPolicy.manage,
  denied: manageDenied,
  events: [webhookDeliveriesReplayed],
  async run(tx, input, ctx) {
    const endpoint = await lockEndpoint(tx, ctx.coopId, input.endpointId);
    if (endpoint.disabledAt)
      throw conflict(
        'The endpoint is disabled: enable it before replaying its deliveries.',
      ).because('webhook.endpoint-disabled');
    const mine = and(
      eq(webhookDeliveries.coopId, ctx.coopId),
      eq(webhookDeliveries.endpointId, input.endpointId),
    );
    let ids: string[];
    if (input.deliveryId) {
      const [delivery] = await tx
        .select({ id: webhookDeliveries.id, status: webhookDeliveries.status })
        .from(webhookDeliveries)
        .where(and(mine, eq(webhookDeliveries.id, input.deliveryId)))
        .for('update');
      if (!delivery) throw notFound('The delivery');
      if (delivery.status === 'pending')
        throw conflict(
          'The delivery is still being attempted; wait for it to succeed or fail.',
        ).because('webhook.delivery-pending');
      ids = [delivery.id];
    } else {
      const failed = await tx
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .where(and(mine, eq(webhookDeliveries.status, 'failed')))
        .for('update');
      ids = failed.map((d) => d.id);
    }
    if (ids.length === 0) return { replayed: 0 };
    const now = ctx.clock.now();
    await tx
      .update(webhookDeliveries)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now, updatedAt: now })
      .where(and(mine, inArray(webhookDeliveries.id, ids)));
    for (const id of ids) await enqueueAttempt(tx, { coopId: ctx.coopId, id }, 1, now);
    await ctx.emit(webhookDeliveriesReplayed, input.endpointId, { deliveries: ids.length });
    return { replayed: ids.length };
  },
});
