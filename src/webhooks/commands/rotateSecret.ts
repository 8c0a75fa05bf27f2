import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { webhookSecretRotated } from '../events.ts';
import { manageDenied, webhooksPolicy } from '../policy.ts';
import { lockEndpoint } from '../queries.ts';
import { webhookEndpoints } from '../schema.ts';
import { newSecret } from '../signing.ts';

/** How long the old secret keeps signing: a day to deploy the new one on the receiving side. */
export const previousSecretValidityMs = 24 * 3600_000;

/**
 * A new signing secret, returned once. Until the old one expires, each delivery carries two
 * signatures, so the receiver can switch secrets whenever it likes within the day.
 */
export const rotateSecret = defineCommand({
  name: 'webhooks.rotateSecret',
  input: z.strictObject({ endpointId: z.uuid() }),
  policy: webhooksPolicy.manage,
  denied: manageDenied,
  events: [webhookSecretRotated],
  prepare: async () => ({ secret: newSecret() }),
  async run(tx, input, ctx, { secret }) {
    const current = await lockEndpoint(tx, ctx.coopId, input.endpointId);
    const now = ctx.clock.now();
    const previousSecretExpiresAt = new Date(now.getTime() + previousSecretValidityMs);
    await tx
      .update(webhookEndpoints)
      .set({
        secret,
        previousSecret: current.secret,
        previousSecretExpiresAt,
        updatedAt: now,
      })
      .where(
        and(eq(webhookEndpoints.coopId, ctx.coopId), eq(webhookEndpoints.id, input.endpointId)),
      );
    await ctx.emit(webhookSecretRotated, input.endpointId, {
      previousSecretExpiresAt: previousSecretExpiresAt.toISOString(),
    });
    return { secret, previousSecretExpiresAt };
  },
});
