import { coopById } from '../coop/queries.ts';
import { renderDocument, type RenderedDocument } from '../documents/render.ts';
import { getOrganization } from '../organizations/queries.ts';
import type { Executor } from '../platform/db/database.ts';
import { formatAmount } from '../platform/money/amount.ts';
import { lineAmountMinor, lineTotals, termTotalMinor } from './lines.ts';
import type { QuoteRow } from './repository.ts';
import { tierVersionsById } from './tierQueries.ts';

const within = (hours: number | null) => (hours === null ? 'no promise' : `within ${hours} hours`);
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** The quote's PDF, filled from the `quote` template with the quote, its buyer and its tiers. */
export async function renderQuote(
  executor: Executor,
  coopId: string,
  quote: QuoteRow,
  createdAt: Date,
): Promise<RenderedDocument> {
  const coop = await coopById(executor, coopId);
  const organization = await getOrganization(executor, coopId, quote.organizationId);
  const versions = await tierVersionsById(
    executor,
    coopId,
    quote.lines.flatMap((l) => (l.tierVersionId ? [l.tierVersionId] : [])),
  );
  const money = (minor: bigint) => formatAmount(minor, quote.currency);
  const { perPeriodMinor, oneOffMinor } = lineTotals(quote.lines);
  const data = {
    coop: { name: coop.name },
    organization: {
      legalName: organization.legalName,
      taxId: organization.taxId ?? '',
      billingAddress: organization.billingAddress ?? '',
      country: organization.country ?? '',
    },
    quote: {
      number: quote.number,
      title: quote.title,
      validUntil: quote.validUntil,
      startsOn: quote.startsOn,
      termMonths: quote.termMonths,
      billingPeriodMonths: quote.billingPeriodMonths,
      autoRenew: quote.autoRenew,
      noticeDays: quote.noticeDays,
      notes: quote.notes,
      currency: quote.currency,
      perPeriod: money(perPeriodMinor),
      oneOff: money(oneOffMinor),
      hasOneOff: oneOffMinor > 0n,
      termTotal: money(termTotalMinor(quote.lines, quote.termMonths, quote.billingPeriodMonths)),
    },
    lines: quote.lines.map((l) => ({
      // A pipe would end the table cell.
      description: l.description.replace(/\|/g, '/'),
      quantity: l.quantity,
      unitPrice: money(BigInt(l.unitPriceMinor)),
      amount: money(lineAmountMinor(l)),
      invoiced: l.recurring ? 'each period' : 'once',
    })),
    tiers: [...versions.values()].map((v) => ({
      name: v.name,
      version: v.version,
      critical: within(v.entitlements.responseHours.critical),
      high: within(v.entitlements.responseHours.high),
      normal: within(v.entitlements.responseHours.normal),
      low: within(v.entitlements.responseHours.low),
      expertHoursPerMonth: v.entitlements.expertHoursPerMonth,
      reciprocalAccess: yesNo(v.entitlements.reciprocalAccess),
      meetingsPerYear: v.entitlements.meetingsPerYear,
      digest: v.entitlements.digest,
      publicAcknowledgement: yesNo(v.entitlements.publicAcknowledgement),
    })),
  };
  return renderDocument('quote', data, {
    coopName: coop.name,
    title: `Quote ${quote.number}: ${quote.title}`,
    createdAt,
  });
}
