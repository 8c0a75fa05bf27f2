import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { people } from '../members/schema.ts';
import { organizations } from '../organizations/schema.ts';
import type { Actor } from '../platform/actor.ts';
import type { Executor } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import { ownOrganizationId } from '../platform/policy.ts';
import { digestsPolicy } from './policy.ts';
import { sponsorDigestMailings, sponsorDigests, type DigestState } from './schema.ts';
import type { DigestRow } from './repository.ts';

/** What an actor may see of the digests: all of them, or their organization's sent ones. */
function visibleTo(actor: Actor): SQL[] {
  if (digestsPolicy.manage(actor, undefined)) return [];
  const own = ownOrganizationId(actor);
  if (!own) return [sql`false`];
  return [eq(sponsorDigests.organizationId, own), eq(sponsorDigests.state, 'sent')];
}

/** Digests, latest period first; `organizationId` and `state` narrow the list. */
export async function listDigests(
  executor: Executor,
  actor: Actor,
  filter: { organizationId?: string | undefined; state?: DigestState | undefined },
) {
  const where: SQL[] = [eq(sponsorDigests.coopId, actor.coopId), ...visibleTo(actor)];
  if (filter.organizationId) where.push(eq(sponsorDigests.organizationId, filter.organizationId));
  if (filter.state) where.push(eq(sponsorDigests.state, filter.state));
  const rows = await executor
    .select({
      d: sponsorDigests,
      organizationName: organizations.displayName,
      sentByName: people.displayName,
    })
    .from(sponsorDigests)
    .innerJoin(
      organizations,
      and(
        eq(organizations.coopId, sponsorDigests.coopId),
        eq(organizations.id, sponsorDigests.organizationId),
      ),
    )
    .leftJoin(
      people,
      and(eq(people.coopId, sponsorDigests.coopId), eq(people.id, sponsorDigests.sentBy)),
    )
    .where(and(...where))
    .orderBy(desc(sponsorDigests.periodTo), organizations.displayName)
    .limit(500);
  return rows.map(({ d, organizationName, sentByName }) => ({
    id: d.id,
    organizationId: d.organizationId,
    organizationName,
    from: d.periodFrom,
    to: d.periodTo,
    frequency: d.frequency,
    state: d.state,
    contentHash: d.contentHash,
    preparedAt: d.preparedAt,
    sentAt: d.sentAt,
    sentByName: sentByName ?? null,
  }));
}

/** One digest an actor may read; another sponsor's, or a draft for a sponsor, is not found. */
export async function readableDigest(
  executor: Executor,
  actor: Actor,
  id: string,
): Promise<DigestRow> {
  const [row] = await executor
    .select()
    .from(sponsorDigests)
    .where(
      and(eq(sponsorDigests.coopId, actor.coopId), eq(sponsorDigests.id, id), ...visibleTo(actor)),
    );
  if (!row || !digestsPolicy.readSent(actor, row.organizationId)) throw notFound('This digest');
  return row;
}

/** To whom a digest was mailed, and when. */
export async function digestMailings(executor: Executor, coopId: string, digestId: string) {
  return executor
    .select({
      email: sponsorDigestMailings.email,
      mailedAt: sponsorDigestMailings.mailedAt,
    })
    .from(sponsorDigestMailings)
    .where(
      and(eq(sponsorDigestMailings.coopId, coopId), eq(sponsorDigestMailings.digestId, digestId)),
    )
    .orderBy(sponsorDigestMailings.email);
}
