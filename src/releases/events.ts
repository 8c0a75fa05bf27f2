import { z } from 'zod';
import { defineEvent } from '../platform/events/registry.ts';
import { releaseKinds } from './schema.ts';

/**
 * Releases and planned changes as events. The data names the change and its day, never the
 * summary, which stays in the table.
 */
const subject = 'release';
const change = {
  project: z.string(),
  version: z.string().nullable(),
  kind: z.enum(releaseKinds),
  plannedOn: z.iso.date(),
};

export const releasePlanned = defineEvent({
  name: 'release.planned',
  subject,
  summary:
    'A release or a planned change (deprecation, end of support, breaking change) was announced.',
  data: z.object(change),
});

export const releaseEdited = defineEvent({
  name: 'release.edited',
  subject,
  summary: 'A planned release or change was edited before it took effect.',
  data: z.object(change),
});

export const releasePublished = defineEvent({
  name: 'release.published',
  subject,
  summary: 'A release or planned change was published: it took effect.',
  data: z.object({ ...change, publishedAt: z.iso.datetime() }),
});

export const releaseWithdrawn = defineEvent({
  name: 'release.withdrawn',
  subject,
  summary: 'A release or planned change was withdrawn: it will not happen, or was retracted.',
  data: z.object({ ...change, wasPublished: z.boolean() }),
});
