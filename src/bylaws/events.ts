import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';

export const bylawsAdopted = defineEvent({
  name: 'bylaws.adopted',
  subject: 'bylaws',
  summary:
    'A version of the bylaws was adopted (founding, recorded by an administrator, or by vote); the subject is its number.',
  data: z.object({
    version: z.number().int(),
    summary: z.string(),
    effectiveOn: z.iso.date(),
    pollId: z.uuid().optional(),
  }),
});
