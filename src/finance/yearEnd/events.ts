import { z } from 'zod';
import { defineEvent } from '../../platform/events/registry.ts';

export const yearClosed = defineEvent({
  name: 'ledger.year-closed',
  subject: 'year-end-close',
  summary:
    'A fiscal year was closed: its result to the retained surplus, reserves and dividends booked, the year locked.',
  data: z.object({
    fiscalYear: z.number().int(),
    surplusMinor: z.string().regex(/^-?\d+$/),
    /** The numbers of the entries the close posted. */
    entries: z.array(z.number().int()),
  }),
});
