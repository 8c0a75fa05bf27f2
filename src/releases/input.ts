import { z } from 'zod';
import { releaseKinds } from './kinds.ts';
import { schemaWords } from '../platform/http/validationMessages.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/** What is announced: a release names its version; a deprecation may name none. */
export const releaseInputSchema = z
  .strictObject({
    project: text(100),
    version: z.string().trim().max(50).nullable().optional(),
    kind: z.enum(releaseKinds),
    title: text(200),
    summary: z.string().max(20_000).optional(),
    plannedOn: z.iso.date(),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'release' && !r.version)
      ctx.addIssue({
        code: 'custom',
        path: ['version'],
        ...schemaWords('releaseVersion'),
      });
  });
export type ReleaseInput = z.output<typeof releaseInputSchema>;
