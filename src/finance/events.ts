import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';

const minorString = z.string().regex(/^-?\d+$/);

export const entryPosted = defineEvent({
  name: 'ledger.entry-posted',
  subject: 'journal-entry',
  summary:
    'A balanced journal entry was posted (by hand, a payment, a payroll run, a reversal, a close); amounts in minor units.',
  data: z.object({
    number: z.number().int(),
    effectiveOn: z.iso.date(),
    kind: z.string(),
    description: z.string(),
    postings: z.array(
      z.object({ account: z.string(), amountMinor: minorString, currency: z.string() }),
    ),
    /** The entry this one reverses, if it is a reversal. */
    reverses: z.uuid().nullable(),
  }),
});

const period = { fromDay: z.iso.date(), toDay: z.iso.date() };

export const periodLocked = defineEvent({
  name: 'ledger.period-locked',
  subject: 'period-lock',
  summary: 'A period (a month, a year) was closed: nothing more posts into it.',
  data: z.object(period),
});

export const periodReopened = defineEvent({
  name: 'ledger.period-reopened',
  subject: 'period-lock',
  summary: 'An officer reopened a closed period, giving a reason.',
  data: z.object({ ...period, reason: z.string() }),
});

export const budgetSet = defineEvent({
  name: 'ledger.budget-set',
  subject: 'budget',
  summary: 'A budget line was entered by an officer, or adopted by a vote (`pollId`).',
  data: z.object({
    account: z.string(),
    ...period,
    amount: z.string(),
    pollId: z.uuid().nullable(),
  }),
});

export const budgetRemoved = defineEvent({
  name: 'ledger.budget-removed',
  subject: 'budget',
  summary:
    'A budget line was taken back by an officer, or replaced by a budget the members adopted (`replacedByPollId`).',
  data: z.object({
    account: z.string(),
    amountMinor: minorString,
    fromDay: z.iso.date().optional(),
    toDay: z.iso.date().optional(),
    replacedByPollId: z.uuid().optional(),
    adoptedByPollId: z.uuid().nullable().optional(),
  }),
});
