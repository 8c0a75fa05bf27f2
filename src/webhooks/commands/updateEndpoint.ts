import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { assertDeliverableUrl } from '../addresses.ts';
import { webhookEndpointUpdated } from '../events.ts';
import { checkSubscribedTypes } from '../eventTypes.ts';
import { manageDenied, webhooksPolicy } from '../policy.ts';
import { lockEndpoint } from '../queries.ts';
import { webhookEndpoints } from '../schema.ts';
import { allowPrivateField } from './registerEndpoint.ts';
import { endpointPatchSchema } from '../endpointInput.ts';

/** A new URL, description or set of event types; deliveries already made keep their URL's fate. */
export const updateEndpoint = defineCommand({
  name: 'webhooks.updateEndpoint',
  input: z.strictObject({
    endpointId: z.uuid(),
    patch: endpointPatchSchema,
    allowPrivateAddresses: allowPrivateField,
  }),
  policy: webhooksPolicy.manage,
  denied: manageDenied,
  events: [webhookEndpointUpdated],
  async prepare(input) {
    if (input.patch.eventTypes !== undefined) checkSubscribedTypes(input.patch.eventTypes);
    if (input.patch.url === undefined) return { url: undefined };
    const url = await assertDeliverableUrl(input.patch.url, {
      allowPrivate: input.allowPrivateAddresses,
    });
    return { url: url.href };
  },
  async run(tx, input, ctx, { url }) {
    const current = await lockEndpoint(tx, ctx.coopId, input.endpointId);
    const patch = { ...input.patch, ...(url !== undefined ? { url } : {}) };
    const fields = (Object.keys(patch) as (keyof typeof patch)[]).filter(
      (k) => JSON.stringify(patch[k]) !== JSON.stringify(current[k]),
    );
    if (fields.length === 0) return;
    await tx
      .update(webhookEndpoints)
      .set({ ...patch, updatedAt: ctx.clock.now() })
      .where(
        and(eq(webhookEndpoints.coopId, ctx.coopId), eq(webhookEndpoints.id, input.endpointId)),
      );
    await ctx.emit(webhookEndpointUpdated, input.endpointId, { fields });
  },
});
