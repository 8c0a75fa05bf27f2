import { z } from 'zod';
import { sliceClasses, workItemKinds } from './workItemChoices.ts';

/**
 * A work item proposed for a cycle, as the route takes it and as the web app's proposal form
 * checks it before sending: one schema object, so the form's field errors are the server's, in
 * the same words. No database code here, as the web app bundles this module.
 */
export const workItemInputSchema = z
  .strictObject({
    cycleId: z.uuid().optional(),
    title: z.string().trim().min(3).max(300),
    description: z.string().max(20_000).default(''),
    kind: z.enum(workItemKinds),
    originClass: z.enum(sliceClasses),
    topics: z.array(z.string().trim().toLowerCase().min(1).max(50)).max(20).default([]),
    links: z
      .array(z.url({ protocol: /^https?$/ }))
      .max(20)
      .default([]),
    estimateHours: z.number().int().min(1).max(10_000),
  })
  .meta({ id: 'NewWorkItem' });
export type WorkItemInput = z.input<typeof workItemInputSchema>;
