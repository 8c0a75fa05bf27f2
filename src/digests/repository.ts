import { and, eq } from 'drizzle-orm';
import { canonicalJson } from '../transparency/core/canonicalJson.ts';
import type { Executor } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import { sha256 } from '../platform/tokens.ts';
import type { DigestContent } from './content.ts';
import { sponsorDigests } from './schema.ts';

export type DigestRow = typeof sponsorDigests.$inferSelect;

/** What the hash covers: the content and the note, the whole of what the sponsor reads. */
export const digestHash = (content: DigestContent, note: string): string =>
  sha256(canonicalJson({ content, note }));

export async function loadDigest(executor: Executor, coopId: string, id: string, lock = false) {
  const query = executor
    .select()
    .from(sponsorDigests)
    .where(and(eq(sponsorDigests.coopId, coopId), eq(sponsorDigests.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('This digest');
  return row;
}
