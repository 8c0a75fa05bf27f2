import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';

export const digestPreferenceChanged = defineEvent({
  name: 'digest.preference-changed',
  subject: 'person',
  summary: 'A member switched their weekly reminder digest on or off.',
  data: z.object({ weekly: z.boolean() }),
});

export const digestSent = defineEvent({
  name: 'digest.sent',
  subject: 'coop',
  summary:
    'The weekly reminder digest went out: to each member the co-op is waiting for, with what it waits for.',
  data: z.object({ week: z.iso.date(), recipients: z.number().int() }),
});
