import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';
import { requestSeverities } from './severities.ts';

export { requestSeverities, type RequestSeverity } from './severities.ts';

/**
 * A sponsor's requests (expert questions and incidents) as events: the service-level clocks
 * (src/servicelevels) start, pause and stop from these, so the requests domain never calls the
 * clocks inside a command and a clock's moments are the events' `occurredAt`.
 */
const organization = { organizationId: z.uuid() };

export const sponsorRequestOpened = defineEvent({
  name: 'sponsor-request.opened',
  subject: 'sponsor-request',
  summary: "A sponsor's representative asked a question or reported an incident.",
  data: z.object({
    ...organization,
    severity: z.enum(requestSeverities),
    /** The agreement whose tier sets the targets; null when none was in force. */
    agreementId: z.uuid().nullable(),
  }),
});

export const sponsorRequestReplied = defineEvent({
  name: 'sponsor-request.replied',
  subject: 'sponsor-request',
  summary:
    "Someone answered in a request's thread: the co-op (a person, so a human response) or the sponsor.",
  data: z.object({
    ...organization,
    side: z.enum(['coop', 'sponsor']),
    byPersonId: z.uuid(),
  }),
});

export const sponsorRequestWaiting = defineEvent({
  name: 'sponsor-request.waiting-on-sponsor',
  subject: 'sponsor-request',
  summary:
    'The co-op waits for the sponsor (an answer, access, a test); the clocks that allow it pause until the sponsor replies.',
  data: z.object({ ...organization, reason: z.string() }),
});

export const sponsorRequestResolved = defineEvent({
  name: 'sponsor-request.resolved',
  subject: 'sponsor-request',
  summary: 'A request was resolved.',
  data: z.object({ ...organization }),
});

export const sponsorRequestReopened = defineEvent({
  name: 'sponsor-request.reopened',
  subject: 'sponsor-request',
  summary: 'A resolved request was opened again by the sponsor.',
  data: z.object({
    ...organization,
    /** Why, in the sponsor's words: the reopened clocks keep it as their start's evidence. */
    note: z.string().optional(),
    /** The request's severity and the agreement in force at the reopening (its tier sets the
     * reopened clocks' targets; null when none was). Absent in events written before them. */
    severity: z.enum(requestSeverities).optional(),
    agreementId: z.uuid().nullable().optional(),
  }),
});
