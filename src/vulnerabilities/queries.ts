import { and, desc, eq, gt, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { organizations } from '../organizations/schema.ts';
import type { Executor } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import {
  vulnerabilities,
  vulnerabilityImpactNotes,
  vulnerabilityPrenotifications,
} from './schema.ts';

const dayMs = 86_400_000;

/** Vulnerabilities, newest first; only the disclosed ones when `disclosedOnly`. */
export async function listVulnerabilities(
  executor: Executor,
  coopId: string,
  options: { disclosedOnly: boolean },
) {
  const where = [eq(vulnerabilities.coopId, coopId)];
  if (options.disclosedOnly) where.push(isNotNull(vulnerabilities.disclosedAt));
  const rows = await executor
    .select()
    .from(vulnerabilities)
    .where(and(...where))
    .orderBy(desc(vulnerabilities.createdAt));
  return rows.map((v) => ({
    id: v.id,
    title: v.title,
    identifiers: v.identifiers,
    severity: v.severity,
    embargoUntil: v.embargoUntil,
    disclosedAt: v.disclosedAt,
  }));
}

export async function getVulnerability(
  executor: Executor,
  coopId: string,
  id: string,
  /** What the reader may see: everything, or a disclosed one with its own note only. */
  view: { all: boolean; organizationId: string | null },
) {
  const [v] = await executor
    .select()
    .from(vulnerabilities)
    .where(and(eq(vulnerabilities.coopId, coopId), eq(vulnerabilities.id, id)));
  if (!v || (!view.all && !v.disclosedAt)) throw notFound('This vulnerability');
  const prenotified = view.all
    ? await executor
        .select({
          organizationId: vulnerabilityPrenotifications.organizationId,
          organizationName: organizations.displayName,
          notifiedAt: vulnerabilityPrenotifications.notifiedAt,
          note: vulnerabilityPrenotifications.note,
        })
        .from(vulnerabilityPrenotifications)
        .innerJoin(
          organizations,
          and(
            eq(organizations.coopId, vulnerabilityPrenotifications.coopId),
            eq(organizations.id, vulnerabilityPrenotifications.organizationId),
          ),
        )
        .where(
          and(
            eq(vulnerabilityPrenotifications.coopId, coopId),
            eq(vulnerabilityPrenotifications.vulnerabilityId, id),
          ),
        )
        .orderBy(vulnerabilityPrenotifications.notifiedAt)
    : [];
  const qualifying = (v.qualifyingOrganizationIds ?? []).filter(
    (o) => view.all || o === view.organizationId,
  );
  const notes = await executor
    .select({
      organizationId: organizations.id,
      organizationName: organizations.displayName,
      note: vulnerabilityImpactNotes.note,
      recordedAt: vulnerabilityImpactNotes.recordedAt,
    })
    .from(organizations)
    .leftJoin(
      vulnerabilityImpactNotes,
      and(
        eq(vulnerabilityImpactNotes.coopId, organizations.coopId),
        eq(vulnerabilityImpactNotes.organizationId, organizations.id),
        eq(vulnerabilityImpactNotes.vulnerabilityId, id),
      ),
    )
    .where(
      and(
        eq(organizations.coopId, coopId),
        inArray(organizations.id, qualifying.length > 0 ? qualifying : [coopId]),
      ),
    )
    .orderBy(organizations.displayName);
  return {
    id: v.id,
    title: v.title,
    identifiers: v.identifiers,
    severity: v.severity,
    summary: v.summary,
    affected: v.affected,
    embargoUntil: v.embargoUntil,
    disclosedAt: v.disclosedAt,
    prenotified,
    impactNotes: notes.map((n) => ({
      organizationId: n.organizationId,
      organizationName: n.organizationName,
      note: n.note,
      recordedAt: n.recordedAt,
    })),
  };
}

/**
 * Whether `organizationId` is inside a disclosure's 24 hours at `at` as a qualifying sponsor:
 * what the service-level clocks ask of each new request.
 */
export async function openDisclosureWindow(
  executor: Executor,
  coopId: string,
  organizationId: string,
  at: Date,
): Promise<{ vulnerabilityId: string; disclosedAt: Date } | null> {
  const [row] = await executor
    .select({ id: vulnerabilities.id, disclosedAt: vulnerabilities.disclosedAt })
    .from(vulnerabilities)
    .where(
      and(
        eq(vulnerabilities.coopId, coopId),
        lte(vulnerabilities.disclosedAt, at),
        gt(vulnerabilities.disclosedAt, new Date(at.getTime() - dayMs)),
        sql`${vulnerabilities.qualifyingOrganizationIds} @> ${JSON.stringify([organizationId])}::jsonb`,
      ),
    )
    .orderBy(vulnerabilities.disclosedAt)
    .limit(1);
  return row ? { vulnerabilityId: row.id, disclosedAt: row.disclosedAt! } : null;
}
