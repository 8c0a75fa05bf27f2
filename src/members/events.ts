import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';

export const officerAppointed = defineEvent({
  name: 'officer.appointed',
  subject: 'person',
  summary:
    'A member took office for a term whose length the bylaws set: appointed by an administrator, or elected (`pollId`).',
  data: z.object({
    role: z.string(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    bylawsVersion: z.number().int(),
    pollId: z.uuid().optional(),
  }),
});

export const officerTermEnded = defineEvent({
  name: 'officer.term-ended',
  subject: 'person',
  summary:
    'An officer’s term ended before its time: by an administrator, or because a successor was elected (`reason`).',
  data: z.object({
    role: z.string(),
    termId: z.uuid(),
    endedOn: z.iso.date(),
    reason: z.string().optional(),
  }),
});
