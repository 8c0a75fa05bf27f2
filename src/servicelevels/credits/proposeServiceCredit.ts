import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { agreementCreditTerms } from '../../agreements/index.ts';
import { defineCommand } from '../../platform/commands.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { serviceCreditDeclined, serviceCreditProposed } from '../events.ts';
import { serviceLevelsPolicy } from '../policy.ts';
import { serviceClocks, serviceCredits } from '../schema.ts';
import { proposeCredit } from './creditAmount.ts';
import { creditEventData } from './decideServiceCredit.ts';

/**
 * A breached clock proposes the credit its agreement promises: once per clock (a redelivered
 * breach finds it there), from the pinned tier version's `serviceCredits`, within what the
 * billing period's cap leaves. Nothing when the tier promises no credits, the clock serves no
 * agreement, or the cap is used up.
 */
export const proposeServiceCredit = defineCommand({
  name: 'servicelevels.proposeServiceCredit',
  input: z.strictObject({ clockId: z.uuid() }),
  policy: serviceLevelsPolicy.automatic,
  events: [serviceCreditProposed],
  async run(tx, input, ctx) {
    const [clock] = await tx
      .select()
      .from(serviceClocks)
      .where(and(eq(serviceClocks.coopId, ctx.coopId), eq(serviceClocks.id, input.clockId)))
      .for('update');
    if (!clock || clock.state !== 'breached' || !clock.agreementId || !clock.deadlineAt)
      return 'no breach under an agreement';
    const day = clock.deadlineAt.toISOString().slice(0, 10);
    const terms = await agreementCreditTerms(tx, ctx.coopId, clock.agreementId, day);
    if (!terms?.serviceCredits || terms.organizationId !== clock.organizationId)
      return 'no credits promised';
    // Two breaches of one period proposed at once: the second waits, then sees the first's share.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`service-credits:${ctx.coopId}:${terms.agreementId}:${terms.period.startsOn}`}, 0))`,
    );
    const [existing] = await tx
      .select({ id: serviceCredits.id })
      .from(serviceCredits)
      .where(and(eq(serviceCredits.coopId, ctx.coopId), eq(serviceCredits.clockId, clock.id)));
    if (existing) return 'already proposed';
    const [taken] = await tx
      .select({ sum: sql<string>`coalesce(sum(${serviceCredits.amountMinor}), 0)::text` })
      .from(serviceCredits)
      .where(
        and(
          eq(serviceCredits.coopId, ctx.coopId),
          eq(serviceCredits.agreementId, terms.agreementId),
          eq(serviceCredits.periodStart, terms.period.startsOn),
          ne(serviceCredits.state, 'declined'),
        ),
      );
    const { perBreachBasisPoints, capBasisPoints } = terms.serviceCredits;
    const proposal = proposeCredit({
      periodFeeMinor: terms.periodFeeMinor,
      perBreachBasisPoints,
      capBasisPoints,
      takenMinor: BigInt(taken!.sum),
    });
    if (proposal.amountMinor === 0n) return 'cap used up';
    const money = (minor: bigint) => formatAmount(minor, terms.currency);
    const reason =
      `${perBreachBasisPoints / 100}% of the period's fee ${money(terms.periodFeeMinor)} is ` +
      `${money(proposal.shareMinor)}; the period's cap of ${capBasisPoints / 100}% is ` +
      `${money(proposal.capMinor)}, of which ${money(proposal.takenMinor)} was proposed before`;
    const [row] = await tx
      .insert(serviceCredits)
      .values({
        coopId: ctx.coopId,
        organizationId: clock.organizationId,
        agreementId: terms.agreementId,
        clockId: clock.id,
        amountMinor: proposal.amountMinor,
        currency: terms.currency,
        periodStart: terms.period.startsOn,
        periodEnd: terms.period.endsOn,
        state: 'proposed',
        periodFeeMinor: terms.periodFeeMinor,
        perBreachBasisPoints,
        capBasisPoints,
        takenMinor: proposal.takenMinor,
        proposalReason: reason,
        proposedAt: ctx.clock.now(),
      })
      .returning({ id: serviceCredits.id });
    await ctx.emit(serviceCreditProposed, row!.id, {
      organizationId: clock.organizationId,
      agreementId: terms.agreementId,
      clockId: clock.id,
      amount: money(proposal.amountMinor),
      currency: terms.currency,
      periodStart: terms.period.startsOn,
      periodEnd: terms.period.endsOn,
      reason,
    });
    return 'proposed';
  },
});

export const breachWithdrawnReason =
  'The breach was withdrawn: the answer came before the deadline.';

/**
 * A breach recorded before an answer that came in time is withdrawn (the clock is met): the
 * credit it proposed, not yet issued, is declined with that reason.
 */
export const withdrawServiceCredit = defineCommand({
  name: 'servicelevels.withdrawServiceCredit',
  input: z.strictObject({ clockId: z.uuid() }),
  policy: serviceLevelsPolicy.automatic,
  events: [serviceCreditDeclined],
  async run(tx, input, ctx) {
    const [credit] = await tx
      .select()
      .from(serviceCredits)
      .where(and(eq(serviceCredits.coopId, ctx.coopId), eq(serviceCredits.clockId, input.clockId)))
      .for('update');
    if (!credit || credit.issuedMinor > 0n || !['proposed', 'confirmed'].includes(credit.state))
      return false;
    await tx
      .update(serviceCredits)
      .set({ state: 'declined', declineReason: breachWithdrawnReason, decidedAt: ctx.clock.now() })
      .where(and(eq(serviceCredits.coopId, ctx.coopId), eq(serviceCredits.id, credit.id)));
    await ctx.emit(serviceCreditDeclined, credit.id, {
      ...creditEventData(credit),
      reason: breachWithdrawnReason,
    });
    return true;
  },
});
