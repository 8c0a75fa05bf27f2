import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';
import { answerChannels, answerKinds, subjectKinds } from './schema.ts';

/**
 * Reciprocal access as events: what a sponsor says it cares about, which items touch it, and
 * every consultation and answer. The mailing consumer follows `consultation.opened`.
 */
export const concernsRecorded = defineEvent({
  name: 'concerns.recorded',
  subject: 'organization',
  summary: "A sponsor's concerns (topics, systems, constraints, whom to ask) were recorded.",
  data: z.object({ topics: z.array(z.string()), contacts: z.number().int() }),
});

export const itemTopicsSet = defineEvent({
  name: 'concerns.item-topics-set',
  subject: 'item',
  summary: 'The topics of a work item or proposal were set (the sponsors to consult follow).',
  data: z.object({ subjectKind: z.enum(subjectKinds), topics: z.array(z.string()) }),
});

export const consultationOpened = defineEvent({
  name: 'consultation.opened',
  subject: 'consultation',
  summary: 'Sponsors were consulted on an item: what changes, and by when an answer is wanted.',
  data: z.object({
    subjectKind: z.enum(subjectKinds),
    /** The work item or poll consulted on (the envelope's subject is the consultation). */
    itemId: z.uuid(),
    answerBy: z.iso.date(),
    organizationIds: z.array(z.uuid()),
    topics: z.array(z.string()),
  }),
});

export const consultationMailed = defineEvent({
  name: 'consultation.mailed',
  subject: 'consultation',
  summary: "A consultation was mailed to a sponsor's contacts, each with their answer link.",
  data: z.object({ organizationId: z.uuid(), recipients: z.number().int() }),
});

export const consultationAnswered = defineEvent({
  name: 'consultation.answered',
  subject: 'consultation',
  summary: 'A sponsor acknowledged, commented on or objected to a consultation.',
  data: z.object({
    answerId: z.uuid(),
    organizationId: z.uuid(),
    kind: z.enum(answerKinds),
    via: z.enum(answerChannels),
    /** Past the day the answer was wanted by. */
    late: z.boolean(),
  }),
});
