import { z } from 'zod';
import { defineEvent } from './events/registry.ts';

/**
 * Appended by a command's `ctx.mail`; the mail consumer delivers the outbox row it names.
 * Internal: the outbox row it points at may hold a secret link (an invitation, a registration
 * code) and only administrators read the outbox; what the mail is about is already public as
 * the event that caused it.
 */
export const mailQueued = defineEvent({
  name: 'mail.queued',
  subject: 'outbox',
  summary: 'A mail was written to the outbox; its subject id is the outbox row.',
  data: z.object({ kind: z.string() }),
  internal: true,
});
