import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { organizations } from '../../organizations/schema.ts';
import { defineCommand } from '../../platform/commands.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { vulnerabilityPrenotified } from '../events.ts';
import { vulnerabilitiesPolicy } from '../policy.ts';
import { lockVulnerability } from '../repository.ts';
import { vulnerabilityPrenotifications } from '../schema.ts';

/** Records that a sponsor was told under embargo; only before the disclosure, once per sponsor. */
export const recordPrenotification = defineCommand({
  name: 'vulnerabilities.recordPrenotification',
  input: z.strictObject({
    vulnerabilityId: z.uuid(),
    organizationId: z.uuid(),
    notifiedAt: z.iso.datetime({ offset: true }).optional(),
    note: z.string().trim().max(2000).default(''),
  }),
  policy: vulnerabilitiesPolicy.manage,
  denied: 'Only officers keep the pre-notification list.',
  events: [vulnerabilityPrenotified],
  async run(tx, input, ctx) {
    const v = await lockVulnerability(tx, ctx.coopId, input.vulnerabilityId);
    const notifiedAt = input.notifiedAt ? new Date(input.notifiedAt) : ctx.clock.now();
    if (v.disclosedAt && notifiedAt >= v.disclosedAt)
      throw conflict('It is public already: a pre-notification comes before the disclosure.', [
        { pointer: '/notifiedAt', message: 'after the disclosure' },
      ]).because('vulnerability.public-already');
    const [org] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.coopId, ctx.coopId), eq(organizations.id, input.organizationId)));
    if (!org) throw notFound('This organization');
    const inserted = await tx
      .insert(vulnerabilityPrenotifications)
      .values({
        coopId: ctx.coopId,
        vulnerabilityId: v.id,
        organizationId: input.organizationId,
        notifiedAt,
        notifiedBy: ctx.actor.personId,
        note: input.note,
      })
      .onConflictDoNothing()
      .returning({ id: vulnerabilityPrenotifications.id });
    if (inserted.length === 0)
      throw conflict('This sponsor is on the list already.', [
        { pointer: '/organizationId', message: 'already notified' },
      ]).because('vulnerability.prenotified');
    await ctx.emit(vulnerabilityPrenotified, v.id, {
      organizationId: input.organizationId,
      notifiedAt: notifiedAt.toISOString(),
    });
  },
});
