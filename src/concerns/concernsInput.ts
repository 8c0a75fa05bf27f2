import { z } from 'zod';
import { schemaWords } from '../platform/http/validationMessages.ts';

// What the concerns routes take: a sponsor's concerns, an item's topics, a consultation opened
// on an item. No database code here: the concerns pages' forms check their input with these
// very objects.

/** A topic: a short slug a sponsor and an item share ("tls", "api-v2", "packaging"). */
export const topicSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9.+-]{0,39}$/, schemaWords('shortSlug'));

/** Topics without repeats, in the order given. */
export const topicsSchema = z
  .array(topicSchema)
  .max(30)
  .transform((topics) => [...new Set(topics)]);

export const concernsInputSchema = z
  .strictObject({
    topics: topicsSchema,
    /** Systems, versions and platforms the sponsor runs the project on. */
    systems: z.string().trim().max(4000).default(''),
    /** What a change must not break for them: support windows, compliance, freezes. */
    constraints: z.string().trim().max(4000).default(''),
    /** Whom to ask: people among the organization's contacts. */
    contactIds: z.array(z.uuid()).max(20).default([]),
  })
  .meta({ id: 'ConcernsRecord' });

export const itemTopicsInputSchema = z
  .strictObject({ topics: topicsSchema })
  .meta({ id: 'ItemTopics' });

export const consultationInputSchema = z
  .strictObject({
    whatChanges: z.string().trim().min(3).max(8000),
    answerBy: z.iso.date(),
  })
  .meta({ id: 'ConsultationRequest' });
