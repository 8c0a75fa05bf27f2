import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { workItemMerged, workItemProposed, workItemSplit } from '../events.ts';
import { governancePolicy } from '../policy.ts';
import { loadWorkItem } from '../repository.ts';
import { workItems } from '../schema.ts';
import { insertWorkItem } from './proposeWorkItem.ts';
import { schemaWords } from '../../platform/http/validationMessages.ts';

export const mergeInputSchema = z
  .strictObject({ duplicates: z.array(z.uuid()).min(1).max(50), into: z.uuid() })
  .refine((m) => !m.duplicates.includes(m.into), {
    ...schemaWords('noSelfMerge'),
    path: ['into'],
  })
  .meta({ id: 'WorkItemMerge' });

export const splitInputSchema = z
  .strictObject({
    parts: z
      .array(
        z.strictObject({
          title: z.string().trim().min(3).max(300),
          estimateHours: z.number().int().min(1).max(10_000),
        }),
      )
      .min(2)
      .max(20),
  })
  .meta({ id: 'WorkItemSplit' });

const open = ['proposed', 'planned'] as const;

/** Duplicates close into one item; their links and topics join it. */
export const mergeWorkItems = defineCommand({
  name: 'governance.mergeWorkItems',
  input: mergeInputSchema,
  policy: governancePolicy.curateItems,
  denied: 'Hackers and the chief technologist merge items.',
  events: [workItemMerged],
  async run(tx, { into, duplicates: duplicateIds }, ctx) {
    const coopId = ctx.coopId;
    const target = await loadWorkItem(tx, coopId, into, true);
    const duplicates = await tx
      .select()
      .from(workItems)
      .where(and(eq(workItems.coopId, coopId), inArray(workItems.id, duplicateIds)))
      .for('update');
    if (duplicates.length !== new Set(duplicateIds).size)
      throw badRequest('Some items to merge do not exist.', [
        { pointer: '/duplicates', message: 'unknown item' },
      ]).because('work-item.merge-unknown');
    for (const item of [target, ...duplicates]) {
      if (!(open as readonly string[]).includes(item.status))
        throw conflict(`“${item.title}” is ${item.status} and cannot be merged.`).because(
          'work-item.merge-closed',
          { title: item.title, itemStatus: item.status },
        );
      if (item.originClass !== target.originClass || item.cycleId !== target.cycleId)
        throw conflict('Only items of the same slice and cycle merge.').because(
          'work-item.merge-other-slice',
        );
    }
    const union = (xs: string[][]) => [...new Set(xs.flat())];
    await tx
      .update(workItems)
      .set({
        topics: union([target.topics, ...duplicates.map((d) => d.topics)]),
        links: union([target.links, ...duplicates.map((d) => d.links)]),
      })
      .where(eq(workItems.id, target.id));
    await tx
      .update(workItems)
      .set({ status: 'merged', mergedInto: target.id })
      .where(inArray(workItems.id, duplicateIds));
    await ctx.emit(workItemMerged, target.id, { duplicates: duplicateIds });
  },
});

/** A large item becomes several; the original is kept, marked split, for the record. */
export const splitWorkItem = defineCommand({
  name: 'governance.splitWorkItem',
  input: z.strictObject({ workItemId: z.uuid(), ...splitInputSchema.shape }),
  policy: governancePolicy.curateItems,
  denied: 'Hackers and the chief technologist split items.',
  events: [workItemProposed, workItemSplit],
  async run(tx, { workItemId, parts }, ctx) {
    const item = await loadWorkItem(tx, ctx.coopId, workItemId, true);
    if (!(open as readonly string[]).includes(item.status))
      throw conflict(`“${item.title}” is ${item.status} and cannot be split.`).because(
        'work-item.split-closed',
        { title: item.title, itemStatus: item.status },
      );
    const ids: string[] = [];
    for (const part of parts) {
      ids.push(
        await insertWorkItem(
          tx,
          ctx,
          {
            cycleId: item.cycleId ?? undefined,
            title: part.title,
            description: item.description,
            kind: item.kind,
            originClass: item.originClass,
            topics: item.topics,
            links: item.links,
            estimateHours: part.estimateHours,
          },
          { splitFrom: item.id, via: 'split' },
        ),
      );
    }
    await tx.update(workItems).set({ status: 'split' }).where(eq(workItems.id, item.id));
    await ctx.emit(workItemSplit, item.id, { parts: ids });
    return { parts: ids };
  },
});
