import { and, asc, desc, eq, lte } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { coops } from '../platform/db/schema.ts';
import { formatCheckpoint } from './core/checkpoint.ts';
import type { NoteSigner } from './core/keys.ts';
import { signNote } from './core/note.ts';
import {
  transparencyCheckpoints,
  transparencyCosignatures,
  transparencyWitnesses,
} from './schema.ts';
import { logOrigin } from './signingKey.ts';
import type { TreeHead } from './storage.ts';

export async function originOf(executor: Executor, coopId: string, publicUrl: string) {
  const [coop] = await executor
    .select({ slug: coops.slug, hostName: coops.hostName })
    .from(coops)
    .where(eq(coops.id, coopId));
  if (!coop) throw new Error(`no co-op ${coopId}`);
  return logOrigin(publicUrl, coop);
}

/**
 * Signs the tree head as a checkpoint note and keeps it, with the time it was signed. A size
 * signed again (the hourly pass over a quiet log) is a new row with a later time; its note is
 * the same bytes, since Ed25519 signatures are deterministic and a C2SP checkpoint carries no
 * time, so no published note ever changes. An empty log has no checkpoint.
 */
export async function signCheckpoint(
  executor: Executor,
  coopId: string,
  head: TreeHead,
  signer: NoteSigner,
  origin: string,
  now: Date,
): Promise<void> {
  if (head.size === 0) return;
  const note = signNote(
    formatCheckpoint({ origin, size: head.size, rootHash: head.rootHash }),
    signer,
  );
  await executor
    .insert(transparencyCheckpoints)
    .values({ coopId, treeSize: head.size, rootHash: head.rootHash, note, signedAt: now })
    .onConflictDoNothing();
}

export interface StoredCheckpoint {
  treeSize: number;
  rootHash: Buffer;
  /** The log's note with every witness's cosignature line after the log's own. */
  note: string;
  signedAt: Date;
  witnesses: { name: string; cosignedAt: Date }[];
}

async function withCosignatures(
  executor: Executor,
  coopId: string,
  row: typeof transparencyCheckpoints.$inferSelect,
): Promise<StoredCheckpoint> {
  const cosignatures = await executor
    .select({
      name: transparencyWitnesses.name,
      line: transparencyCosignatures.signatureLine,
      cosignedAt: transparencyCosignatures.cosignedAt,
    })
    .from(transparencyCosignatures)
    .innerJoin(
      transparencyWitnesses,
      and(
        eq(transparencyWitnesses.coopId, transparencyCosignatures.coopId),
        eq(transparencyWitnesses.id, transparencyCosignatures.witnessId),
      ),
    )
    .where(
      and(
        eq(transparencyCosignatures.coopId, coopId),
        eq(transparencyCosignatures.treeSize, row.treeSize),
      ),
    )
    .orderBy(asc(transparencyWitnesses.name));
  return {
    treeSize: row.treeSize,
    rootHash: row.rootHash,
    note: row.note + cosignatures.map((c) => c.line).join(''),
    signedAt: row.signedAt,
    witnesses: cosignatures.map((c) => ({ name: c.name, cosignedAt: c.cosignedAt })),
  };
}

/** The latest checkpoint (or the latest at or below a size). */
export async function latestCheckpoint(
  executor: Executor,
  coopId: string,
  atMost?: number,
): Promise<StoredCheckpoint | undefined> {
  const [row] = await executor
    .select()
    .from(transparencyCheckpoints)
    .where(
      and(
        eq(transparencyCheckpoints.coopId, coopId),
        atMost === undefined ? undefined : lte(transparencyCheckpoints.treeSize, atMost),
      ),
    )
    .orderBy(desc(transparencyCheckpoints.treeSize), desc(transparencyCheckpoints.signedAt))
    .limit(1);
  return row ? withCosignatures(executor, coopId, row) : undefined;
}

export async function checkpointAt(executor: Executor, coopId: string, treeSize: number) {
  const [row] = await executor
    .select()
    .from(transparencyCheckpoints)
    .where(
      and(
        eq(transparencyCheckpoints.coopId, coopId),
        eq(transparencyCheckpoints.treeSize, treeSize),
      ),
    )
    .orderBy(desc(transparencyCheckpoints.signedAt))
    .limit(1);
  return row ? withCosignatures(executor, coopId, row) : undefined;
}

/** The latest checkpoints, one per size (its latest signing). */
export async function recentCheckpoints(executor: Executor, coopId: string, limit: number) {
  const rows = await executor
    .selectDistinctOn([transparencyCheckpoints.treeSize])
    .from(transparencyCheckpoints)
    .where(eq(transparencyCheckpoints.coopId, coopId))
    .orderBy(desc(transparencyCheckpoints.treeSize), desc(transparencyCheckpoints.signedAt))
    .limit(limit);
  return Promise.all(rows.map((r) => withCosignatures(executor, coopId, r)));
}
