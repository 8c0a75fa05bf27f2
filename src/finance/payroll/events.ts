import { z } from 'zod';
import { defineEvent } from '../../platform/events/registry.ts';

export const salarySet = defineEvent({
  name: 'payroll.salary-set',
  // A person's pay is private unless the bylaws publish it: never sent to webhooks.
  internal: true,
  subject: 'person',
  summary: 'A hacker’s pay from a day on was set; the salary in force until then ends (`closes`).',
  data: z.object({
    salaryId: z.uuid(),
    effectiveFrom: z.iso.date(),
    grossMonthly: z.string(),
    employerCostMonthly: z.string(),
    currency: z.string(),
    closes: z.uuid().nullable(),
  }),
});

export const salaryEnded = defineEvent({
  name: 'payroll.salary-ended',
  // A person's pay is private unless the bylaws publish it: never sent to webhooks.
  internal: true,
  subject: 'person',
  summary: 'A hacker’s pay stops after a day (they leave, or go unpaid).',
  data: z.object({ salaryId: z.uuid(), lastDay: z.iso.date() }),
});

export const payrollPosted = defineEvent({
  name: 'payroll.posted',
  subject: 'salary-run',
  summary:
    'A month’s payroll was posted (the subject is the month, YYYY-MM); `replaces` names a reversed run’s entry.',
  data: z.object({
    entryId: z.uuid(),
    entryNumber: z.number().int(),
    hackers: z.number().int(),
    total: z.string(),
    currency: z.string(),
    replaces: z.uuid().nullable(),
  }),
});
