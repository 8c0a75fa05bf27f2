import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';
import { digestFrequencies } from './schema.ts';

/**
 * A sponsor's digest: prepared (by the daily job or an officer), its note edited, sent by an
 * officer, then mailed by the dispatcher's consumer following `sponsor-digest.sent`.
 */
export const sponsorDigestPrepared = defineEvent({
  name: 'sponsor-digest.prepared',
  subject: 'sponsor-digest',
  summary: "A sponsor's digest for a period was assembled (again, while not yet sent).",
  data: z.object({
    organizationId: z.uuid(),
    from: z.iso.date(),
    to: z.iso.date(),
    frequency: z.enum(digestFrequencies),
    contentHash: z.string(),
  }),
});

export const sponsorDigestNoteEdited = defineEvent({
  name: 'sponsor-digest.note-edited',
  subject: 'sponsor-digest',
  summary: "An officer edited the note of a sponsor's digest before sending it.",
  data: z.object({ contentHash: z.string() }),
});

export const sponsorDigestSent = defineEvent({
  name: 'sponsor-digest.sent',
  subject: 'sponsor-digest',
  summary:
    "An officer sent a sponsor's digest: it is fixed from now on, mailed with its PDF and kept in the sponsor's portal.",
  data: z.object({
    organizationId: z.uuid(),
    from: z.iso.date(),
    to: z.iso.date(),
    contentHash: z.string(),
  }),
});

export const sponsorDigestMailed = defineEvent({
  name: 'sponsor-digest.mailed',
  subject: 'sponsor-digest',
  summary: "A sent digest was mailed (text, HTML and PDF) to the sponsor's representatives.",
  data: z.object({ recipients: z.number().int() }),
});
