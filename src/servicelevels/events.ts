import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';
import { clockKinds } from './schema.ts';

export const serviceCalendarSet = defineEvent({
  name: 'service-calendar.set',
  subject: 'organization',
  summary:
    "An organization's service calendar (time zone, working hours, holidays, closed days) was set.",
  data: z.object({
    timeZone: z.string(),
    hours: z.string(),
    holidays: z.string().nullable(),
    closedDays: z.array(z.string()),
  }),
});

const clock = {
  organizationId: z.uuid(),
  kind: z.enum(clockKinds),
  forType: z.enum(['sponsor-request', 'vulnerability']),
  /** The request or vulnerability the clock runs for (the envelope's subject is the clock). */
  forId: z.uuid(),
};

export const serviceClockStarted = defineEvent({
  name: 'service-clock.started',
  subject: 'service-clock',
  summary:
    'A service-level clock started: a target with its deadline, for a request or a vulnerability.',
  data: z.object({
    ...clock,
    targetMinutes: z.number().int(),
    mode: z.enum(['wall', 'business']),
    deadlineAt: z.iso.datetime(),
  }),
});

export const serviceClockPaused = defineEvent({
  name: 'service-clock.paused',
  subject: 'service-clock',
  summary: 'A clock whose target allows it paused while the co-op waits on the sponsor.',
  data: z.object({ ...clock, reason: z.string() }),
});

export const serviceClockResumed = defineEvent({
  name: 'service-clock.resumed',
  subject: 'service-clock',
  summary: 'A paused clock runs again, with its new deadline.',
  data: z.object({ ...clock, deadlineAt: z.iso.datetime() }),
});

export const serviceClockWarned = defineEvent({
  name: 'service-clock.warned',
  subject: 'service-clock',
  summary: 'A running clock used 80% of its target: officers are warned before a breach.',
  data: z.object({ ...clock, deadlineAt: z.iso.datetime() }),
});

export const serviceClockMet = defineEvent({
  name: 'service-clock.met',
  subject: 'service-clock',
  summary: 'A clock was met before its deadline.',
  data: z.object({ ...clock, at: z.iso.datetime(), deadlineAt: z.iso.datetime() }),
});

export const serviceClockBreached = defineEvent({
  name: 'service-clock.breached',
  subject: 'service-clock',
  summary: 'A clock reached its deadline unmet.',
  data: z.object({ ...clock, deadlineAt: z.iso.datetime() }),
});

const credit = {
  organizationId: z.uuid(),
  agreementId: z.uuid(),
  clockId: z.uuid(),
  /** A decimal string in the currency's minor digits. */
  amount: z.string(),
  currency: z.string(),
};

export const serviceCreditProposed = defineEvent({
  name: 'service-credit.proposed',
  subject: 'service-credit',
  summary:
    'A breached clock proposed a service credit under the agreement: a share of the billing period’s fee, within the period’s cap; officers confirm or decline it.',
  data: z.object({
    ...credit,
    periodStart: z.iso.date(),
    periodEnd: z.iso.date(),
    reason: z.string(),
  }),
});

export const serviceCreditConfirmed = defineEvent({
  name: 'service-credit.confirmed',
  subject: 'service-credit',
  summary:
    'An officer confirmed a proposed service credit: it is issued as a credit note on the sponsor’s next invoice.',
  data: z.object(credit),
});

export const serviceCreditDeclined = defineEvent({
  name: 'service-credit.declined',
  subject: 'service-credit',
  summary:
    'A proposed service credit was declined, with the reason (by an officer, or because the breach was withdrawn).',
  data: z.object({ ...credit, reason: z.string() }),
});

export const serviceCreditIssued = defineEvent({
  name: 'service-credit.issued',
  subject: 'service-credit',
  summary:
    'A confirmed service credit was issued, all or in part, as a credit note against the sponsor’s invoice; `remaining` waits for the next invoice.',
  data: z.object({
    ...credit,
    invoiceId: z.uuid(),
    creditNoteId: z.uuid(),
    creditNoteNumber: z.string(),
    issued: z.string(),
    remaining: z.string(),
  }),
});
