import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';

const minorString = z.string().regex(/^-?\d+$/);

export const fundingRecorded = defineEvent({
  name: 'funding.recorded',
  subject: 'organization',
  summary:
    'Money or labour received from a sponsor was recorded: by hand, or by a sponsor payment in the books (`entryId`). It weights the sponsor’s vote.',
  data: z.object({
    fundingId: z.uuid(),
    receivedOn: z.iso.date(),
    amountMinor: minorString,
    currency: z.string(),
    coopAmountMinor: minorString,
    labourHours: z.number().int(),
    entryId: z.uuid().optional(),
  }),
});

export const fundingReversed = defineEvent({
  name: 'funding.reversed',
  subject: 'organization',
  summary:
    'A sponsor payment’s entry was reversed in the books; a counter-row cancels its funding, so the vote weight follows the books.',
  data: z.object({
    fundingId: z.uuid(),
    reversesFundingId: z.uuid(),
    entryId: z.uuid(),
    reversalEntryId: z.uuid(),
    receivedOn: z.iso.date(),
    amountMinor: minorString,
    currency: z.string(),
    coopAmountMinor: minorString,
    reason: z.string(),
  }),
});
