import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import { formatAmount } from '../platform/money/amount.ts';
import { tiers, tierVersions } from './schema.ts';

export type TierVersionRow = typeof tierVersions.$inferSelect;

export const tierVersionView = (v: TierVersionRow) => ({
  id: v.id,
  version: v.version,
  name: v.name,
  summary: v.summary,
  price: formatAmount(v.priceMinor, v.currency),
  priceMinor: v.priceMinor.toString(),
  currency: v.currency,
  periodMonths: v.periodMonths,
  entitlements: v.entitlements,
  serviceHoursPerMonth: v.serviceHoursPerMonth,
  createdAt: v.createdAt,
});
export type TierVersionView = ReturnType<typeof tierVersionView>;

/** Tiers with their current version; the public page asks for published, unarchived ones only. */
export async function listTiers(
  executor: Executor,
  coopId: string,
  options: { publicOnly: boolean },
) {
  const rows = await executor
    .select({ tier: tiers, version: tierVersions })
    .from(tiers)
    .innerJoin(
      tierVersions,
      and(
        eq(tierVersions.coopId, tiers.coopId),
        eq(tierVersions.tierId, tiers.id),
        eq(tierVersions.version, tiers.currentVersion),
      ),
    )
    .where(
      options.publicOnly
        ? and(eq(tiers.coopId, coopId), eq(tiers.published, true), isNull(tiers.archivedAt))
        : eq(tiers.coopId, coopId),
    )
    .orderBy(asc(tierVersions.priceMinor), asc(tiers.slug));
  return rows.map(({ tier, version }) => ({
    id: tier.id,
    slug: tier.slug,
    published: tier.published,
    archived: tier.archivedAt !== null,
    current: tierVersionView(version),
  }));
}

/** A tier with every version, newest first. */
export async function getTier(executor: Executor, coopId: string, tierId: string) {
  const [tier] = await executor
    .select()
    .from(tiers)
    .where(and(eq(tiers.coopId, coopId), eq(tiers.id, tierId)));
  if (!tier) throw notFound('This tier');
  const versions = await executor
    .select()
    .from(tierVersions)
    .where(and(eq(tierVersions.coopId, coopId), eq(tierVersions.tierId, tierId)))
    .orderBy(desc(tierVersions.version));
  return {
    id: tier.id,
    slug: tier.slug,
    published: tier.published,
    archived: tier.archivedAt !== null,
    currentVersion: tier.currentVersion,
    versions: versions.map(tierVersionView),
  };
}

/** Tier versions by id, with their tier's state: what a quote's tier lines pin. */
export async function tierVersionsById(executor: Executor, coopId: string, ids: string[]) {
  if (ids.length === 0)
    return new Map<string, TierVersionRow & { archived: boolean; current: boolean }>();
  const rows = await executor
    .select({ version: tierVersions, tier: tiers })
    .from(tierVersions)
    .innerJoin(tiers, and(eq(tiers.coopId, tierVersions.coopId), eq(tiers.id, tierVersions.tierId)))
    .where(and(eq(tierVersions.coopId, coopId), inArray(tierVersions.id, ids)));
  return new Map(
    rows.map(({ version, tier }) => [
      version.id,
      {
        ...version,
        archived: tier.archivedAt !== null,
        current: tier.currentVersion === version.version,
      },
    ]),
  );
}
