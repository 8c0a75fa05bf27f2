import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';

export const documentRendered = defineEvent({
  name: 'document.rendered',
  subject: 'document',
  summary:
    'A document was filled from its template and set as a PDF: a version that never changes.',
  data: z.object({
    templateKey: z.string(),
    templateVersion: z.string(),
    title: z.string(),
    sha256: z.string(),
    pdfSha256: z.string(),
    /** What the document is about (a quote, an agreement), if anything. */
    aboutType: z.string().nullable(),
    aboutId: z.string().nullable(),
    organizationId: z.uuid().nullable(),
    personId: z.uuid().nullable(),
  }),
});

export const documentAccepted = defineEvent({
  name: 'document.accepted',
  subject: 'document',
  summary:
    'A document version was accepted: who (by name), which version and its SHA-256; the address it came from is kept with the acceptance, not in the log.',
  data: z.object({
    acceptanceId: z.uuid(),
    templateKey: z.string(),
    sha256: z.string(),
    organizationId: z.uuid().nullable(),
    personId: z.uuid().nullable(),
    name: z.string(),
  }),
});
