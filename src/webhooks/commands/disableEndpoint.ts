import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { officerAndAdminAddresses } from '../../members/officerAddresses.ts';
import { defineCommand } from '../../platform/commands.ts';
import { webhookEndpointDisabled } from '../events.ts';
import { webhooksMail } from '../mailMessages.ts';
import { manageDenied, webhooksPolicy } from '../policy.ts';
import { lockEndpoint } from '../queries.ts';
import { webhookEndpoints } from '../schema.ts';

/**
 * Stops deliveries to an endpoint: by an officer, or by the co-op itself (`automatic`, run with
 * the system actor) when its deliveries keep failing, in which case the officers and
 * administrators are told by mail. Deliveries still waiting fail when their turn comes; enabling
 * the endpoint and replaying them sends them again.
 */
export const disableEndpoint = defineCommand({
  name: 'webhooks.disableEndpoint',
  input: z.strictObject({
    endpointId: z.uuid(),
    reason: z.string().trim().min(1).max(500),
    automatic: z.boolean().default(false),
  }),
  policy: webhooksPolicy.manage,
  denied: manageDenied,
  events: [webhookEndpointDisabled],
  async run(tx, input, ctx) {
    const endpoint = await lockEndpoint(tx, ctx.coopId, input.endpointId);
    if (endpoint.disabledAt) return { changed: false };
    const now = ctx.clock.now();
    await tx
      .update(webhookEndpoints)
      .set({ disabledAt: now, disabledReason: input.reason, updatedAt: now })
      .where(
        and(eq(webhookEndpoints.coopId, ctx.coopId), eq(webhookEndpoints.id, input.endpointId)),
      );
    await ctx.emit(webhookEndpointDisabled, input.endpointId, {
      reason: input.reason,
      automatic: input.automatic,
    });
    if (input.automatic) {
      for (const person of await officerAndAdminAddresses(tx, ctx.coopId, ctx.clock.today()))
        await ctx.mail({
          to: person.email,
          kind: 'webhook-disabled',
          subject: webhooksMail(person.locale, 'disabled.subject'),
          body: [
            webhooksMail(person.locale, 'disabled.greeting', { name: person.name }),
            '',
            webhooksMail(person.locale, 'disabled.stopped', { url: endpoint.url }),
            webhooksMail(person.locale, 'disabled.why', {
              description:
                endpoint.description || webhooksMail(person.locale, 'disabled.noDescription'),
              reason: input.reason,
            }),
            '',
            webhooksMail(person.locale, 'disabled.enable'),
            `${ctx.publicUrl}/webhooks`,
          ].join('\n'),
        });
    }
    return { changed: true };
  },
});
