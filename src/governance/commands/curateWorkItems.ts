import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../platform/commands.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { governancePolicy } from '../policy.ts';
import { loadWorkItem } from '../repository.ts';
import { workItems } from '../schema.ts';
import { insertWorkItem } from './proposeWorkItem.ts';

export const mergeInputSchema = z
  .strictObject({ duplicates: z.array(z.uuid()).min(1).max(50), into: z.uuid() })
  .refine((m) => !m.duplicates.includes(m.into), {
    message: 'an item cannot merge into itself',
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
export async function mergeWorkItems(ctx: CommandContext, input: z.input<typeof mergeInputSchema>) {
  authorize(
    ctx.actor,
    governancePolicy.curateItems,
    undefined,
    'Hackers and the chief technologist merge items.',
  );
  const parsed = parseInput(mergeInputSchema, input);
  const coopId = ctx.actor.coopId;
  await ctx.db.transaction(async (tx) => {
    const target = await loadWorkItem(tx, coopId, parsed.into, true);
    const duplicates = await tx
      .select()
      .from(workItems)
      .where(and(eq(workItems.coopId, coopId), inArray(workItems.id, parsed.duplicates)))
      .for('update');
    if (duplicates.length !== new Set(parsed.duplicates).size)
      throw badRequest('Some items to merge do not exist.', [
        { pointer: '/duplicates', message: 'unknown item' },
      ]);
    for (const item of [target, ...duplicates]) {
      if (!(open as readonly string[]).includes(item.status))
        throw conflict(`“${item.title}” is ${item.status} and cannot be merged.`);
      if (item.originClass !== target.originClass || item.cycleId !== target.cycleId)
        throw conflict('Only items of the same slice and cycle merge.');
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
      .where(inArray(workItems.id, parsed.duplicates));
    await appendEvent(tx, {
      coopId,
      type: 'work-item.merged',
      actorId: ctx.actor.personId,
      subjectType: 'work-item',
      subjectId: target.id,
      data: { duplicates: parsed.duplicates },
    });
  });
}

/** A large item becomes several; the original is kept, marked split, for the record. */
export async function splitWorkItem(
  ctx: CommandContext,
  itemId: string,
  input: z.input<typeof splitInputSchema>,
) {
  authorize(
    ctx.actor,
    governancePolicy.curateItems,
    undefined,
    'Hackers and the chief technologist split items.',
  );
  const parsed = parseInput(splitInputSchema, input);
  const coopId = ctx.actor.coopId;
  return ctx.db.transaction(async (tx) => {
    const item = await loadWorkItem(tx, coopId, itemId, true);
    if (!(open as readonly string[]).includes(item.status))
      throw conflict(`“${item.title}” is ${item.status} and cannot be split.`);
    const ids: string[] = [];
    for (const part of parsed.parts) {
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
    await appendEvent(tx, {
      coopId,
      type: 'work-item.split',
      actorId: ctx.actor.personId,
      subjectType: 'work-item',
      subjectId: item.id,
      data: { parts: ids },
    });
    return { parts: ids };
  });
}
