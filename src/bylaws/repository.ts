import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { todayUtc } from '../platform/dates.ts';
import { appendEvent } from '../platform/events.ts';
import { bylawsDocumentSchema, type BylawsDocument } from './document.ts';
import { bylawsVersions } from './schema.ts';

export async function insertBylawsVersion(
  tx: Executor,
  coopId: string,
  document: BylawsDocument,
  summary: string,
  adoptedBy: string | null,
  effectiveOn: string = todayUtc(),
): Promise<number> {
  const [row] = await tx
    .insert(bylawsVersions)
    .values({
      coopId,
      version: sql`(select coalesce(max(version), 0) + 1 from bylaws_versions where coop_id = ${coopId})`,
      document,
      summary,
      adoptedBy,
      effectiveOn,
    })
    .returning({ version: bylawsVersions.version });
  const version = row!.version;
  await appendEvent(tx, {
    coopId,
    type: 'bylaws.adopted',
    actorId: adoptedBy,
    subjectType: 'bylaws',
    subjectId: String(version),
    data: { version, summary, effectiveOn },
  });
  return version;
}

/**
 * The version in force on a day: the latest effective date on or before it, the later version
 * on a tie. Before the first version took effect, the founding bylaws govern.
 */
export async function bylawsInForce(executor: Executor, coopId: string, day: string) {
  const inForce = await executor
    .select()
    .from(bylawsVersions)
    .where(and(eq(bylawsVersions.coopId, coopId), lte(bylawsVersions.effectiveOn, day)))
    .orderBy(desc(bylawsVersions.effectiveOn), desc(bylawsVersions.version))
    .limit(1);
  const [row] =
    inForce.length > 0
      ? inForce
      : await executor
          .select()
          .from(bylawsVersions)
          .where(eq(bylawsVersions.coopId, coopId))
          .orderBy(asc(bylawsVersions.version))
          .limit(1);
  if (!row) throw new Error(`co-op ${coopId} has no bylaws`);
  return { ...row, document: bylawsDocumentSchema.parse(row.document) };
}

/** The bylaws in force today; an amendment adopted for a later day waits its turn. */
export const currentBylaws = (executor: Executor, coopId: string) =>
  bylawsInForce(executor, coopId, todayUtc());

export async function bylawsVersion(executor: Executor, coopId: string, version: number) {
  const [row] = await executor
    .select()
    .from(bylawsVersions)
    .where(and(eq(bylawsVersions.coopId, coopId), eq(bylawsVersions.version, version)));
  return row;
}

export async function bylawsHistory(executor: Executor, coopId: string) {
  return executor
    .select({
      version: bylawsVersions.version,
      summary: bylawsVersions.summary,
      adoptedBy: bylawsVersions.adoptedBy,
      adoptedAt: bylawsVersions.adoptedAt,
      effectiveOn: bylawsVersions.effectiveOn,
    })
    .from(bylawsVersions)
    .where(eq(bylawsVersions.coopId, coopId))
    .orderBy(desc(bylawsVersions.version));
}
