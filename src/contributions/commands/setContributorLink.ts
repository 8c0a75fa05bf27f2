import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { contributorLinked, contributorLinkReset, contributorUnlinked } from '../events.ts';
import { contributionsPolicy } from '../policy.ts';
import { contributors } from '../schema.ts';

export const contributorLinkSchema = z
  .discriminatedUnion('link', [
    z.strictObject({ link: z.literal('manual'), personId: z.uuid() }),
    z.strictObject({ link: z.literal('unlinked') }),
    z.strictObject({ link: z.literal('auto') }),
  ])
  .meta({ id: 'ContributorLink' });

/**
 * An officer links a contributor to a member by hand, keeps it unlinked, or hands it back to
 * the automatic link by verified email; each appends its event.
 */
export const setContributorLink = defineCommand({
  name: 'contributions.setContributorLink',
  input: z.strictObject({ contributorId: z.uuid(), change: contributorLinkSchema }),
  policy: contributionsPolicy.manage,
  denied: 'Only administrators and officers link contributors to members.',
  events: [contributorLinked, contributorUnlinked, contributorLinkReset],
  async run(tx, { contributorId, change }, ctx) {
    const [row] = await tx
      .select()
      .from(contributors)
      .where(and(eq(contributors.coopId, ctx.coopId), eq(contributors.id, contributorId)))
      .for('update');
    if (!row) throw notFound('This contributor');
    const where = and(eq(contributors.coopId, ctx.coopId), eq(contributors.id, contributorId));
    if (change.link === 'manual') {
      const [person] = await queryRows<{ id: string }>(
        tx,
        sql`select id from people where coop_id = ${ctx.coopId} and id = ${change.personId}`,
      );
      if (!person)
        throw badRequest('Unknown member.', [
          { pointer: '/personId', message: 'no such member' },
        ]).because('member.unknown');
      await tx.update(contributors).set({ link: 'manual', personId: change.personId }).where(where);
      await ctx.emit(contributorLinked, contributorId, {
        email: row.email,
        personId: change.personId,
      });
    } else if (change.link === 'unlinked') {
      await tx.update(contributors).set({ link: 'unlinked', personId: null }).where(where);
      await ctx.emit(contributorUnlinked, contributorId, {
        email: row.email,
        previousPersonId: row.personId,
      });
    } else {
      await tx.update(contributors).set({ link: null, personId: null }).where(where);
      await ctx.emit(contributorLinkReset, contributorId, { email: row.email });
    }
  },
});
