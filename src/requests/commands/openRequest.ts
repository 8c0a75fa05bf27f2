import { z } from 'zod';
import { agreementInForce } from '../../agreements/index.ts';
import { defineCommand } from '../../platform/commands.ts';
import type { Rule } from '../../platform/policy.ts';
import { checkAttachments } from '../attachments.ts';
import { sponsorRequestOpened } from '../events.ts';
import { requestInputSchema } from '../input.ts';
import { requestsPolicy } from '../policy.ts';
import { nextRequestNumber, storeAttachments } from '../repository.ts';
import { sponsorRequests } from '../schema.ts';

/**
 * A sponsor's representative asks a question or reports an incident for their organization.
 * The agreement in force that day is recorded, so that its tier's targets and hours apply
 * (`sponsor-request.opened` starts the service-level clocks).
 */
export const openRequest = defineCommand({
  name: 'requests.openRequest',
  input: requestInputSchema.extend({ organizationId: z.uuid() }),
  policy: ((actor, input) => requestsPolicy.open(actor, input.organizationId)) as Rule<{
    organizationId: string;
  }>,
  denied: 'Only the organization’s own representatives open its requests.',
  events: [sponsorRequestOpened],
  prepare: async (input) => checkAttachments(input.attachments),
  async run(tx, input, ctx, files) {
    const now = ctx.clock.now();
    const agreement = await agreementInForce(
      tx,
      ctx.coopId,
      input.organizationId,
      ctx.clock.today(),
    );
    const number = await nextRequestNumber(tx, ctx.coopId);
    const [row] = await tx
      .insert(sponsorRequests)
      .values({
        coopId: ctx.coopId,
        number,
        organizationId: input.organizationId,
        agreementId: agreement?.id ?? null,
        subject: input.subject,
        details: input.details,
        severity: input.severity,
        openedBy: ctx.actor.personId!,
        lastActivityAt: now,
        createdAt: now,
      })
      .returning({ id: sponsorRequests.id });
    await storeAttachments(tx, ctx.coopId, row!.id, null, ctx.actor.personId!, files);
    await ctx.emit(sponsorRequestOpened, row!.id, {
      organizationId: input.organizationId,
      severity: input.severity,
      agreementId: agreement?.id ?? null,
    });
    return { id: row!.id, number };
  },
});
