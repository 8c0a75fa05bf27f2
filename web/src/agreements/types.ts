import type { GetAnswer, Schemas } from '../api/client.ts';
import { formatDecimal } from '../app/money.ts';
import { t } from './messages.ts';

export type Tier = Schemas['Tier'];
export type TierVersion = Schemas['TierVersion'];
export type TierEntitlements = Schemas['TierEntitlements'];
export type Quote = Schemas['Quote'];
export type Agreement = Schemas['Agreement'];
export type AgreementDetail = Schemas['AgreementDetail'];
export type QuoteForBuyer = Schemas['QuoteForBuyer'];
export type CapacityPlan = GetAnswer<'/api/capacity'>;

export const periodLabel = (months: number) =>
  months === 1
    ? t('period.month')
    : months === 12
      ? t('period.year')
      : t('period.months', { count: months });

export const quoteStatusLabel = (status: Quote['status']) => t(`quoteStatus.${status}`);

export const agreementStatusLabel = (status: Agreement['status']) => t(`agreementStatus.${status}`);

/** A tier as an option of a line: its name and price. */
export const tierOptionLabel = (v: TierVersion) =>
  t('tierOption', {
    name: v.name,
    price: formatDecimal(v.price, v.currency),
    months: v.periodMonths,
  });
