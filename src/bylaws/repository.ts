import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import type { Clock } from '../platform/clock.ts';
import type { RunContext } from '../platform/commands.ts';
import { bylawsAdopted } from './events.ts';
import { bylawsDocumentSchema, type BylawsDocument } from './document.ts';
import { bylawsVersions } from './schema.ts';

export interface NewBylawsVersion {
  document: BylawsDocument;
  summary: string;
  effectiveOn: string;
  /** The poll that adopted it, when the members voted it. */
  pollId?: string | undefined;
}

/** The next version and its `bylaws.adopted` event, which the calling command declares. */
export async function addBylawsVersion(
  tx: Executor,
  ctx: RunContext,
  adopted: NewBylawsVersion,
): Promise<number> {
  const version = await insertVersionRow(tx, ctx.coopId, adopted, ctx.actor.personId, ctx.clock);
  await ctx.emit(bylawsAdopted, String(version), {
    version,
    summary: adopted.summary,
    effectiveOn: adopted.effectiveOn,
    ...(adopted.pollId ? { pollId: adopted.pollId } : {}),
  });
  return version;
}

async function insertVersionRow(
  tx: Executor,
  coopId: string,
  adopted: NewBylawsVersion,
  adoptedBy: string | null,
  clock: Clock,
): Promise<number> {
  const [row] = await tx
    .insert(bylawsVersions)
    .values({
      coopId,
      version: sql`(select coalesce(max(version), 0) + 1 from bylaws_versions where coop_id = ${coopId})`,
      document: adopted.document,
      summary: adopted.summary,
      adoptedBy,
      adoptedAt: clock.now(),
      effectiveOn: adopted.effectiveOn,
    })
    .returning({ version: bylawsVersions.version });
  return row!.version;
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

/** The newest version recorded, in force or waiting for its day. */
export async function latestBylaws(executor: Executor, coopId: string) {
  const [row] = await executor
    .select()
    .from(bylawsVersions)
    .where(eq(bylawsVersions.coopId, coopId))
    .orderBy(desc(bylawsVersions.version))
    .limit(1);
  if (!row) throw new Error(`co-op ${coopId} has no bylaws`);
  return { ...row, document: bylawsDocumentSchema.parse(row.document) };
}

/** The bylaws in force today; an amendment adopted for a later day waits its turn. */
export const currentBylaws = (executor: Executor, coopId: string, clock: Pick<Clock, 'today'>) =>
  bylawsInForce(executor, coopId, clock.today());

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
