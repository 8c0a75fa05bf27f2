import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import type { TierEntitlements } from './lines.ts';
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
