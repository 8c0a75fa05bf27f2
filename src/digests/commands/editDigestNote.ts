import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { conflict } from '../../platform/errors.ts';
import { sponsorDigestNoteEdited } from '../events.ts';
import { digestsPolicy } from '../policy.ts';
import { digestNoteSchema } from '../noteInput.ts';
import { digestHash, loadDigest } from '../repository.ts';
import { sponsorDigests } from '../schema.ts';

/** The officer's note, shown above the figures; editable until the digest is sent. */
export const editDigestNote = defineCommand({
  name: 'digests.editDigestNote',
  input: digestNoteSchema.extend({ digestId: z.uuid() }),
  policy: digestsPolicy.manage,
  denied: 'Only officers edit sponsors’ digests.',
  events: [sponsorDigestNoteEdited],
  async run(tx, input, ctx) {
    const digest = await loadDigest(tx, ctx.coopId, input.digestId, true);
    if (digest.state === 'sent')
      throw conflict('This digest was sent already; a sent digest is kept as sent.').because(
        'digest.sent',
      );
    const contentHash = digestHash(digest.content, input.note);
    await tx
      .update(sponsorDigests)
      .set({ note: input.note, contentHash })
      .where(and(eq(sponsorDigests.coopId, ctx.coopId), eq(sponsorDigests.id, digest.id)));
    await ctx.emit(sponsorDigestNoteEdited, digest.id, { contentHash });
    return { id: digest.id, contentHash };
  },
});
