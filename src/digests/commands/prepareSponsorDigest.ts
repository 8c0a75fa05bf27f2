import { and, eq } from 'drizzle-orm';
import { agreementInForce } from '../../agreements/index.ts';
import { assertOrganizationExists } from '../../organizations/queries.ts';
import { defineCommand, type RunContext } from '../../platform/commands.ts';
import type { Tx } from '../../platform/db/database.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { assembleDigest } from '../assemble.ts';
import { sponsorDigestPrepared } from '../events.ts';
import {
  digestFrequencyOf,
  lastEndedPeriod,
  periodContaining,
  type DigestPeriod,
} from '../periods.ts';
import { digestsPolicy } from '../policy.ts';
import { digestHash } from '../repository.ts';
import { prepareDigestInputSchema } from '../prepareInput.ts';
import { sponsorDigests } from '../schema.ts';

/**
 * Assembles one sponsor's digest for a period and keeps it as prepared; a digest prepared before
 * for the period is assembled again (its note kept), a sent one is refused.
 */
export async function prepareDigestFor(
  tx: Tx,
  ctx: RunContext,
  organizationId: string,
  period: DigestPeriod,
): Promise<{ id: string; created: boolean }> {
  const [existing] = await tx
    .select()
    .from(sponsorDigests)
    .where(
      and(
        eq(sponsorDigests.coopId, ctx.coopId),
        eq(sponsorDigests.organizationId, organizationId),
        eq(sponsorDigests.periodFrom, period.from),
        eq(sponsorDigests.periodTo, period.to),
      ),
    )
    .for('update');
  if (existing?.state === 'sent')
    throw conflict('This digest was sent already; a sent digest is kept as sent.').because(
      'digest.sent',
    );
  const content = await assembleDigest(tx, ctx.coopId, organizationId, period, ctx.clock.now());
  const note = existing?.note ?? '';
  const contentHash = digestHash(content, note);
  const values = {
    periodTo: period.to,
    frequency: period.frequency,
    content,
    contentHash,
    preparedAt: ctx.clock.now(),
  };
  const [row] = existing
    ? await tx
        .update(sponsorDigests)
        .set(values)
        .where(and(eq(sponsorDigests.coopId, ctx.coopId), eq(sponsorDigests.id, existing.id)))
        .returning({ id: sponsorDigests.id })
    : await tx
        .insert(sponsorDigests)
        .values({ coopId: ctx.coopId, organizationId, periodFrom: period.from, ...values })
        .returning({ id: sponsorDigests.id });
  await ctx.emit(sponsorDigestPrepared, row!.id, {
    organizationId,
    from: period.from,
    to: period.to,
    frequency: period.frequency,
    contentHash,
  });
  return { id: row!.id, created: !existing };
}

/** An officer prepares (or prepares again) a sponsor's digest for a period, to preview it. */
export const prepareSponsorDigest = defineCommand({
  name: 'digests.prepareSponsorDigest',
  input: prepareDigestInputSchema,
  policy: digestsPolicy.manage,
  denied: 'Only officers prepare sponsors’ digests.',
  events: [sponsorDigestPrepared],
  async run(tx, input, ctx) {
    await assertOrganizationExists(tx, ctx.coopId, input.organizationId);
    const today = ctx.clock.today();
    let frequency = input.frequency;
    if (!frequency) {
      const agreement = await agreementInForce(
        tx,
        ctx.coopId,
        input.organizationId,
        input.day ?? today,
      );
      frequency = agreement ? (digestFrequencyOf(agreement.tiers) ?? undefined) : undefined;
      if (!frequency)
        throw badRequest('No agreement in force promises this sponsor a digest: say how often.', [
          { pointer: '/frequency', message: 'required: no tier promises a digest' },
        ]).because('digest.frequency-needed');
    }
    const period = input.day
      ? periodContaining(frequency, input.day)
      : lastEndedPeriod(frequency, today);
    return prepareDigestFor(tx, ctx, input.organizationId, period);
  },
});
