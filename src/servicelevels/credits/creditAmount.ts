import { apportion } from '../../platform/apportion.ts';

/** A share of a fee in basis points, rounded to whole minor units by largest remainder. */
export const shareOf = (feeMinor: bigint, basisPoints: number): bigint =>
  apportion(feeMinor, [BigInt(basisPoints), BigInt(10_000 - basisPoints)])[0]!;

export interface CreditProposal {
  amountMinor: bigint;
  shareMinor: bigint;
  capMinor: bigint;
  /** What earlier credits of the same period (not declined) already took of the cap. */
  takenMinor: bigint;
}

/**
 * What one breached clock proposes: its share of the billing period's fee, no more than the
 * period's cap leaves after the credits already proposed in it. Zero: the cap is used up.
 */
export function proposeCredit(input: {
  periodFeeMinor: bigint;
  perBreachBasisPoints: number;
  capBasisPoints: number;
  takenMinor: bigint;
}): CreditProposal {
  const shareMinor = shareOf(input.periodFeeMinor, input.perBreachBasisPoints);
  const capMinor = shareOf(input.periodFeeMinor, input.capBasisPoints);
  const left = capMinor - input.takenMinor;
  const amountMinor = left <= 0n ? 0n : shareMinor < left ? shareMinor : left;
  return { amountMinor, shareMinor, capMinor, takenMinor: input.takenMinor };
}
