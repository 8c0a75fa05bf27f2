import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { conflict } from '../../platform/errors.ts';
import { sponsorDigestSent } from '../events.ts';
import { digestsPolicy } from '../policy.ts';
import { loadDigest } from '../repository.ts';
import { sponsorDigests } from '../schema.ts';

/**
 * Sends a prepared digest: from now on it never changes (a trigger holds it), and the
 * dispatcher mails it after commit. Sending twice is refused, so it goes once.
 */
export const sendSponsorDigest = defineCommand({
  name: 'digests.sendSponsorDigest',
  input: z.strictObject({ digestId: z.uuid() }),
  policy: digestsPolicy.manage,
  denied: 'Only officers send sponsors’ digests.',
  events: [sponsorDigestSent],
  async run(tx, input, ctx) {
    const digest = await loadDigest(tx, ctx.coopId, input.digestId, true);
    if (digest.state === 'sent')
      throw conflict('This digest was sent already.').because('digest.sent');
    const sentAt = ctx.clock.now();
    await tx
      .update(sponsorDigests)
      .set({ state: 'sent', sentAt, sentBy: ctx.actor.personId })
      .where(and(eq(sponsorDigests.coopId, ctx.coopId), eq(sponsorDigests.id, digest.id)));
    await ctx.emit(sponsorDigestSent, digest.id, {
      organizationId: digest.organizationId,
      from: digest.periodFrom,
      to: digest.periodTo,
      contentHash: digest.contentHash,
    });
    return { id: digest.id, sentAt };
  },
});
