import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { shiftMonths } from '../platform/dates.ts';
import { lineTotals, type ServiceCreditsTerms, type TierEntitlements } from './lines.ts';
import { termEnd } from './terms.ts';
import { agreements } from './schema.ts';
import { inForceOn } from './inForce.ts';
import { tierVersionsById } from './tierQueries.ts';

type AgreementRow = typeof agreements.$inferSelect;

export interface AgreementServiceTerms {
  agreementId: string;
  organizationId: string;
  inForce: boolean;
  /** The entitlements of the tier version its first tier line pins; null: no tier, no promise. */
  entitlements: TierEntitlements | null;
}

async function withEntitlements(
  executor: Executor,
  coopId: string,
  rows: AgreementRow[],
  day: string,
): Promise<AgreementServiceTerms[]> {
  const tierLineOf = (a: AgreementRow) => a.lines.find((l) => l.kind === 'tier' && l.tierVersionId);
  const versions = await tierVersionsById(
    executor,
    coopId,
    rows.flatMap((a) => tierLineOf(a)?.tierVersionId ?? []),
  );
  return rows.map((a) => ({
    agreementId: a.id,
    organizationId: a.organizationId,
    inForce: inForceOn(a, day),
    entitlements: versions.get(tierLineOf(a)?.tierVersionId ?? '')?.entitlements ?? null,
  }));
}

/** What the service-level clocks need of one agreement on `day`: whose, in force, what tier. */
export async function agreementServiceTerms(
  executor: Executor,
  coopId: string,
  agreementId: string,
  day: string,
): Promise<AgreementServiceTerms | null> {
  const rows = await executor
    .select()
    .from(agreements)
    .where(and(eq(agreements.coopId, coopId), eq(agreements.id, agreementId)));
  return (await withEntitlements(executor, coopId, rows, day))[0] ?? null;
}

/** Every agreement in force on `day`, with its tier's entitlements (the vulnerability clock's). */
export async function agreementsInForceWithTerms(
  executor: Executor,
  coopId: string,
  day: string,
): Promise<AgreementServiceTerms[]> {
  const rows = await executor
    .select()
    .from(agreements)
    .where(and(eq(agreements.coopId, coopId), inArray(agreements.status, ['active', 'cancelled'])));
  return (await withEntitlements(executor, coopId, rows, day)).filter((t) => t.inForce);
}

/** The billing period of an agreement that holds `day`: its periods follow from its start. */
export function billingPeriodOn(
  a: { startsOn: string; billingPeriodMonths: number },
  day: string,
): { startsOn: string; endsOn: string } {
  for (let i = 0; ; i++) {
    const endsOn = termEnd(a.startsOn, (i + 1) * a.billingPeriodMonths);
    if (day <= endsOn || i > 12 * 200)
      return { startsOn: shiftMonths(a.startsOn, i * a.billingPeriodMonths), endsOn };
  }
}

export interface AgreementCreditTerms {
  agreementId: string;
  organizationId: string;
  currency: string;
  /** What one billing period's recurring lines cost, in minor units: the fee a credit shares. */
  periodFeeMinor: bigint;
  /** The billing period holding the day asked about: the cap counts per period. */
  period: { startsOn: string; endsOn: string };
  /** The pinned tier version's service credits; null: a breach proposes nothing. */
  serviceCredits: ServiceCreditsTerms | null;
}

/**
 * What the service credits need of an agreement on `day` (a breach's): its fee per billing
 * period, that period, and what the tier version it pinned promises back for a breach.
 */
export async function agreementCreditTerms(
  executor: Executor,
  coopId: string,
  agreementId: string,
  day: string,
): Promise<AgreementCreditTerms | null> {
  const [a] = await executor
    .select()
    .from(agreements)
    .where(and(eq(agreements.coopId, coopId), eq(agreements.id, agreementId)));
  if (!a) return null;
  const [terms] = await withEntitlements(executor, coopId, [a], day);
  return {
    agreementId: a.id,
    organizationId: a.organizationId,
    currency: a.currency,
    periodFeeMinor: lineTotals(a.lines).perPeriodMinor,
    period: billingPeriodOn(a, day < a.startsOn ? a.startsOn : day),
    serviceCredits: terms?.entitlements?.serviceCredits ?? null,
  };
}
