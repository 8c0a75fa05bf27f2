import { z } from 'zod';
import { defineEvent } from '../../platform/events/registry.ts';

const subject = 'expense-claim';

export const receiptUploaded = defineEvent({
  name: 'expense.receipt-uploaded',
  subject: 'file',
  summary: 'A member uploaded a receipt (a photo or a PDF) for an expense claim.',
  data: z.object({
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
  }),
});

export const claimCreated = defineEvent({
  name: 'expense.claim-created',
  subject,
  summary: 'A member drafted an expense claim.',
  data: z.object({
    title: z.string(),
    category: z.string(),
    account: z.string(),
    incurredOn: z.iso.date(),
    amount: z.string(),
    currency: z.string(),
    receiptFileId: z.uuid().nullable(),
  }),
});

export const claimEdited = defineEvent({
  name: 'expense.claim-edited',
  subject,
  summary: 'Its submitter changed a draft expense claim; the data holds the fields changed.',
  data: z.object({
    title: z.string().optional(),
    category: z.string().optional(),
    account: z.string().optional(),
    incurredOn: z.iso.date().optional(),
    amount: z.string().optional(),
    currency: z.string().optional(),
    receiptFileId: z.uuid().nullable().optional(),
  }),
});

export const claimSubmitted = defineEvent({
  name: 'expense.claim-submitted',
  subject,
  summary: 'An expense claim went to the approvers, with its receipt.',
  data: z.object({
    amount: z.string(),
    currency: z.string(),
    approvalsNeeded: z.number().int(),
  }),
});

const approvals = z.object({
  approvals: z.number().int(),
  approvalsNeeded: z.number().int(),
});

export const claimApprovalRecorded = defineEvent({
  name: 'expense.claim-approval-recorded',
  subject,
  summary: 'An approver approved a claim that needs a second approver.',
  data: approvals,
});

export const claimApproved = defineEvent({
  name: 'expense.claim-approved',
  subject,
  summary: 'An expense claim has the approvals it needs: it can be paid.',
  data: approvals,
});

export const claimRejected = defineEvent({
  name: 'expense.claim-rejected',
  subject,
  summary: 'An approver refused an expense claim, with the reason its submitter reads.',
  data: z.object({ reason: z.string() }),
});

export const claimPaid = defineEvent({
  name: 'expense.claim-paid',
  subject,
  summary: 'An approved expense claim was paid: its entry is in the books.',
  data: z.object({
    entryId: z.uuid(),
    entryNumber: z.number().int(),
    amount: z.string(),
    currency: z.string(),
    bankAccount: z.string(),
  }),
});

export const claimPaymentReversed = defineEvent({
  name: 'expense.claim-payment-reversed',
  subject,
  summary: 'The entry that paid an expense claim was reversed: the claim is approved again.',
  data: z.object({
    entryId: z.uuid(),
    entryNumber: z.number().int(),
    reversalEntryId: z.uuid(),
    reversalEntryNumber: z.number().int(),
    reason: z.string(),
    status: z.literal('approved'),
  }),
});
