import { assertOrganizationExists } from '../../organizations/queries.ts';
import { defineCommand, type RunContext } from '../../platform/commands.ts';
import type { Tx } from '../../platform/db/database.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { agreementCreated } from '../events.ts';
import { lineTotals, type AgreementLine, type BillingContact } from '../lines.ts';
import { agreementsPolicy } from '../policy.ts';
import { newAgreementSchema } from '../input.ts';
import { buildLines, nextNumber } from '../quoteInput.ts';
import { agreements } from '../schema.ts';
import { termEnd } from '../terms.ts';

export interface NewAgreement {
  organizationId: string;
  quoteId: string | null;
  title: string;
  currency: string;
  startsOn: string;
  termMonths: number;
  billingPeriodMonths: number;
  autoRenew: boolean;
  noticeDays: number;
  lines: AgreementLine[];
  buyerReference: string | null;
  billingContacts: BillingContact[];
  purchaseOrderRequired: boolean;
  servingHackerIds: string[];
  renewalNoticeDays: number[];
  documentVersionId: string | null;
}

/** Writes an agreement and its `agreement.created`; the caller's command declares that event. */
export async function insertAgreement(tx: Tx, ctx: RunContext, a: NewAgreement) {
  const number = await nextNumber(tx, ctx.coopId, 'agreements', 'A');
  const currentTermEndsOn = termEnd(a.startsOn, a.termMonths);
  const [row] = await tx
    .insert(agreements)
    .values({
      ...a,
      coopId: ctx.coopId,
      number,
      currentTermStartsOn: a.startsOn,
      currentTermEndsOn,
      renewalNoticeDays: [...new Set(a.renewalNoticeDays)].sort((x, y) => y - x),
      createdBy: ctx.actor.personId,
    })
    .returning({ id: agreements.id });
  await ctx.emit(agreementCreated, row!.id, {
    number,
    organizationId: a.organizationId,
    currency: a.currency,
    currentTermStartsOn: a.startsOn,
    currentTermEndsOn,
    quoteId: a.quoteId,
    autoRenew: a.autoRenew,
    perPeriod: formatAmount(lineTotals(a.lines).perPeriodMinor, a.currency),
    billingPeriodMonths: a.billingPeriodMonths,
  });
  return { id: row!.id, number };
}

/** An agreement recorded by an officer (signed on paper, or before the co-op used quotes). */
export const createAgreement = defineCommand({
  name: 'agreements.createAgreement',
  input: newAgreementSchema,
  policy: agreementsPolicy.manage,
  denied: 'Only officers and administrators record agreements.',
  events: [agreementCreated],
  async run(tx, input, ctx) {
    await assertOrganizationExists(tx, ctx.coopId, input.organizationId);
    const built = await buildLines(tx, ctx.coopId, input);
    return insertAgreement(tx, ctx, {
      organizationId: input.organizationId,
      quoteId: null,
      title: input.title,
      currency: built.currency,
      startsOn: input.startsOn,
      termMonths: input.termMonths,
      billingPeriodMonths: built.billingPeriodMonths,
      autoRenew: input.autoRenew,
      noticeDays: input.noticeDays,
      lines: built.lines,
      buyerReference: input.buyerReference ?? null,
      billingContacts: input.billingContacts ?? [],
      purchaseOrderRequired: input.purchaseOrderRequired ?? false,
      servingHackerIds: input.servingHackerIds ?? [],
      renewalNoticeDays: input.renewalNoticeDays ?? [60, 30],
      documentVersionId: null,
    });
  },
});
