import { z } from 'zod';
import { defineEvent } from '../../platform/events/registry.ts';
import { statementFormats } from '../schema.ts';
import { csvMappingSchema } from './csvMapping.ts';

const minorString = z.string().regex(/^-?\d+$/);
const line = { bookedOn: z.iso.date(), amountMinor: minorString, currency: z.string() };

export const statementImported = defineEvent({
  name: 'ledger.statement-imported',
  subject: 'bank-statement',
  summary: 'A bank statement was imported: its new lines matched, suggested or left for review.',
  data: z.object({
    fileName: z.string(),
    format: z.enum(statementFormats),
    account: z.string(),
    bankAccountRef: z.string().nullable(),
    statementRef: z.string().nullable(),
    fromDay: z.iso.date().nullable(),
    toDay: z.iso.date().nullable(),
    balanceCheck: z.string(),
    balanceProblem: z.string().nullable(),
    linesAdded: z.number().int(),
    linesSkipped: z.number().int(),
    matched: z.number().int(),
    suggested: z.number().int(),
    gaps: z.array(z.string()),
  }),
});

export const bankLineMatched = defineEvent({
  name: 'ledger.bank-line-matched',
  subject: 'bank-line',
  summary:
    'A bank line’s suggested match was confirmed (`how`: an entry, a sponsor payment, an expense claim, a salary).',
  data: z.object({
    how: z.string(),
    entryId: z.uuid(),
    entryNumber: z.number().int(),
    ...line,
    reason: z.string(),
  }),
});

export const bankLineBooked = defineEvent({
  name: 'ledger.bank-line-booked',
  subject: 'bank-line',
  summary: 'A bank line nothing matched was booked against an account.',
  data: z.object({
    entryId: z.uuid(),
    entryNumber: z.number().int(),
    account: z.string(),
    ...line,
  }),
});

export const bankLineIgnored = defineEvent({
  name: 'ledger.bank-line-ignored',
  subject: 'bank-line',
  summary: 'A bank line left the review queue without being booked.',
  data: z.object({ reason: z.string(), was: z.string(), ...line }),
});

export const bankLineReopened = defineEvent({
  name: 'ledger.bank-line-reopened',
  subject: 'bank-line',
  summary:
    'The entry a bank line settled (or was offered) was reversed: the line waits in the review queue again.',
  data: z.object({
    was: z.string(),
    status: z.enum(['suggested', 'unmatched']),
    offer: z.string().nullable(),
    entryId: z.uuid(),
    entryNumber: z.number().int(),
    reversalEntryId: z.uuid(),
    reversalEntryNumber: z.number().int(),
  }),
});

export const csvMappingSaved = defineEvent({
  name: 'ledger.csv-mapping-saved',
  subject: 'csv-mapping',
  summary: 'A bank’s CSV column mapping was saved under a name.',
  data: z.object({ name: z.string(), account: z.string(), mapping: csvMappingSchema }),
});
