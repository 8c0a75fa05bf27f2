import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { itemTopicsSet } from '../events.ts';
import { concernsPolicy } from '../policy.ts';
import { topicTags } from '../schema.ts';
import { itemTopicsInputSchema } from '../concernsInput.ts';
import { loadSubject, refuseWithdrawn, subjectKindSchema } from '../subjects.ts';

/** Sets the topics of a work item or proposal; the sponsors to consult follow from them. */
export const setItemTopics = defineCommand({
  name: 'concerns.setItemTopics',
  input: itemTopicsInputSchema.extend({ subjectKind: subjectKindSchema, subjectId: z.uuid() }),
  policy: concernsPolicy.consult,
  denied: 'Only hackers and officers tag items with topics.',
  events: [itemTopicsSet],
  async run(tx, input, ctx) {
    refuseWithdrawn(await loadSubject(tx, ctx.coopId, input.subjectKind, input.subjectId));
    const subject = and(
      eq(topicTags.coopId, ctx.coopId),
      eq(topicTags.subjectKind, input.subjectKind),
      eq(topicTags.subjectId, input.subjectId),
    );
    await tx.delete(topicTags).where(subject);
    if (input.topics.length > 0)
      await tx.insert(topicTags).values(
        input.topics.map((topic) => ({
          coopId: ctx.coopId,
          subjectKind: input.subjectKind,
          subjectId: input.subjectId,
          topic,
        })),
      );
    await ctx.emit(itemTopicsSet, input.subjectId, {
      subjectKind: input.subjectKind,
      topics: input.topics,
    });
  },
});
