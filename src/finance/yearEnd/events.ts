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

const minor = z.string().regex(/^-?\d+$/);

/**
 * One member's or sponsor's dividend notice, as its own event: the transparency log keeps it
 * as a leaf of its own, so its holder can prove their notice without showing anyone else's.
 */
export const dividendDeclared = defineEvent({
  name: 'dividend.declared',
  subject: 'dividend',
  summary:
    'A fiscal year’s close gave a member or a sponsor a dividend: its notice’s figures and basis.',
  data: z.object({
    closeId: z.uuid(),
    fiscalYear: z.number().int(),
    fromDay: z.string(),
    toDay: z.string(),
    currency: z.string().length(3),
    memberClass: z.enum(['hacker', 'sponsor', 'community']),
    personId: z.uuid().nullable(),
    organizationId: z.uuid().nullable(),
    amountMinor: minor,
    cashMinor: minor,
    retainedMinor: minor,
    /** How the share was computed ("1,200 of 3,000 hours"), as the notice says. */
    basis: z.string(),
  }),
});
