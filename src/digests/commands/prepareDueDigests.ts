import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { agreementInForce, agreementsInForceWithTerms } from '../../agreements/index.ts';
import { defineCommand } from '../../platform/commands.ts';
import { sponsorDigestPrepared } from '../events.ts';
import { digestFrequencyOf, lastEndedPeriod } from '../periods.ts';
import { digestsPolicy } from '../policy.ts';
import { sponsorDigests } from '../schema.ts';
import { prepareDigestFor } from './prepareSponsorDigest.ts';

/**
 * The daily run: for each sponsor with an agreement in force whose tier promises a digest, the
 * latest period that has ended gets its digest prepared, once (a period prepared already, by an
 * earlier run or an officer, is left as it is). The agreement must have served the period's last
 * day too: a sponsor who signed yesterday has no period behind it.
 */
export const prepareDueDigests = defineCommand({
  name: 'digests.prepareDueDigests',
  input: z.strictObject({}),
  policy: digestsPolicy.system,
  events: [sponsorDigestPrepared],
  async run(tx, _input, ctx) {
    const today = ctx.clock.today();
    const organizationIds = [
      ...new Set(
        (await agreementsInForceWithTerms(tx, ctx.coopId, today)).map((a) => a.organizationId),
      ),
    ].sort();
    const prepared: string[] = [];
    for (const organizationId of organizationIds) {
      const agreement = await agreementInForce(tx, ctx.coopId, organizationId, today);
      const frequency = agreement ? digestFrequencyOf(agreement.tiers) : null;
      if (!frequency) continue;
      const period = lastEndedPeriod(frequency, today);
      if (!(await agreementInForce(tx, ctx.coopId, organizationId, period.to))) continue;
      const [existing] = await tx
        .select({ id: sponsorDigests.id })
        .from(sponsorDigests)
        .where(
          and(
            eq(sponsorDigests.coopId, ctx.coopId),
            eq(sponsorDigests.organizationId, organizationId),
            eq(sponsorDigests.periodFrom, period.from),
            eq(sponsorDigests.periodTo, period.to),
          ),
        );
      if (existing) continue;
      prepared.push((await prepareDigestFor(tx, ctx, organizationId, period)).id);
    }
    return { prepared };
  },
});
