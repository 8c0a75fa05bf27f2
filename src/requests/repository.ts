import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../platform/actor.ts';
import type { Executor, Tx } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import type { CheckedAttachment } from './attachments.ts';
import { requestsPolicy } from './policy.ts';
import { sponsorRequestAttachments, sponsorRequests } from './schema.ts';

export type SponsorRequestRow = typeof sponsorRequests.$inferSelect;

/**
 * A request as the actor may see it. Another organization's request is "not found", never
 * "forbidden": a representative learns nothing of another sponsor, not even that an id exists.
 */
export async function loadRequestFor(
  executor: Executor,
  actor: Actor,
  requestId: string,
  options: { forUpdate?: boolean } = {},
): Promise<SponsorRequestRow> {
  const query = executor
    .select()
    .from(sponsorRequests)
    .where(and(eq(sponsorRequests.coopId, actor.coopId), eq(sponsorRequests.id, requestId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row || !requestsPolicy.readOrganization(actor, row.organizationId))
    throw notFound('This request');
  return row;
}

/** The next request number in a co-op; the advisory lock makes two openings take turns. */
export async function nextRequestNumber(tx: Tx, coopId: string): Promise<number> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`sponsor_requests:${coopId}`}, 0))`,
  );
  const [row] = await tx
    .select({ last: sql<number>`coalesce(max(${sponsorRequests.number}), 0)::int` })
    .from(sponsorRequests)
    .where(eq(sponsorRequests.coopId, coopId));
  return (row?.last ?? 0) + 1;
}

export async function storeAttachments(
  tx: Tx,
  coopId: string,
  requestId: string,
  entryId: string | null,
  uploadedBy: string,
  files: CheckedAttachment[],
) {
  if (files.length === 0) return;
  await tx.insert(sponsorRequestAttachments).values(
    files.map((f) => ({
      coopId,
      requestId,
      entryId,
      name: f.name,
      contentType: f.contentType,
      size: f.bytes.length,
      sha256: f.sha256,
      content: f.bytes,
      uploadedBy,
    })),
  );
}
