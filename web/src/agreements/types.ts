import type { GetAnswer, Schemas } from '../api/client.ts';

export type Tier = Schemas['Tier'];
export type TierVersion = Schemas['TierVersion'];
export type TierEntitlements = Schemas['TierEntitlements'];
export type Quote = Schemas['Quote'];
export type Agreement = Schemas['Agreement'];
export type AgreementDetail = Schemas['AgreementDetail'];
export type QuoteForBuyer = Schemas['QuoteForBuyer'];
export type CapacityPlan = GetAnswer<'/api/capacity'>;

export const periodLabel = (months: number) =>
  months === 1 ? 'a month' : months === 12 ? 'a year' : `every ${months} months`;

export const quoteStatusLabels: Record<Quote['status'], string> = {
  draft: 'Draft',
  sent: 'Sent',
  accepted: 'Accepted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

export const agreementStatusLabels: Record<Agreement['status'], string> = {
  active: 'Active',
  cancelled: 'Cancelled',
  ended: 'Ended',
};
