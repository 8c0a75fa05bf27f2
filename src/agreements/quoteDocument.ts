import { coopById } from '../coop/queries.ts';
import { renderDocument, type RenderedDocument } from '../documents/render.ts';
import { getOrganization, organizationLocale } from '../organizations/queries.ts';
import type { Executor } from '../platform/db/database.ts';
import { displayDay } from '../platform/i18n/dates.ts';
import { displayMoney } from '../platform/money/display.ts';
import { lineAmountMinor, lineTotals, termTotalMinor } from './lines.ts';
import type { QuoteRow } from './repository.ts';
import { quoteText } from './quoteMessages.ts';
import { tierVersionsById } from './tierQueries.ts';

/**
 * The quote's PDF, filled from the `quote` template with the quote, its buyer and its tiers, in
 * the buyer organization's language (`quote.de.md` for German).
 */
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
  const locale = await organizationLocale(executor, coopId, quote.organizationId);
  const money = (minor: bigint) => displayMoney(minor, quote.currency, locale);
  const day = (d: string) => displayDay(d, locale);
  const within = (hours: number | null) =>
    hours === null ? quoteText(locale, 'noPromise') : quoteText(locale, 'within', { count: hours });
  const yesNo = (b: boolean) => quoteText(locale, b ? 'yes' : 'no');
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
      validUntil: day(quote.validUntil),
      startsOn: day(quote.startsOn),
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
      invoiced: quoteText(locale, l.recurring ? 'eachPeriod' : 'once'),
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
      digest: quoteText(locale, `digest.${v.entitlements.digest}`),
      publicAcknowledgement: yesNo(v.entitlements.publicAcknowledgement),
    })),
  };
  return renderDocument('quote', data, {
    coopName: coop.name,
    title: quoteText(locale, 'title', { number: quote.number, title: quote.title }),
    createdAt,
    locale,
  });
}
