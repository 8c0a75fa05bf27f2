import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { appendEvent } from '../platform/events.ts';
import { bylawsDocumentSchema, type BylawsDocument } from './document.ts';
import { bylawsVersions } from './schema.ts';

export async function insertBylawsVersion(
  tx: Executor,
  coopId: string,
  document: BylawsDocument,
  summary: string,
  adoptedBy: string | null,
): Promise<number> {
  const [row] = await tx
    .insert(bylawsVersions)
    .values({
      coopId,
      version: sql`(select coalesce(max(version), 0) + 1 from bylaws_versions where coop_id = ${coopId})`,
      document,
      summary,
      adoptedBy,
    })
    .returning({ version: bylawsVersions.version });
  const version = row!.version;
  await appendEvent(tx, {
    coopId,
    type: 'bylaws.adopted',
    actorId: adoptedBy,
    subjectType: 'bylaws',
    subjectId: String(version),
    data: { version, summary },
  });
  return version;
}

export async function currentBylaws(executor: Executor, coopId: string) {
  const [row] = await executor
    .select()
    .from(bylawsVersions)
    .where(eq(bylawsVersions.coopId, coopId))
    .orderBy(desc(bylawsVersions.version))
    .limit(1);
  if (!row) throw new Error(`co-op ${coopId} has no bylaws`);
  return { ...row, document: bylawsDocumentSchema.parse(row.document) };
}

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
    })
    .from(bylawsVersions)
    .where(eq(bylawsVersions.coopId, coopId))
    .orderBy(desc(bylawsVersions.version));
}
