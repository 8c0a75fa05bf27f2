import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { documentRendered } from '../events.ts';
import { documentsPolicy } from '../policy.ts';
import { documentVersions } from '../schema.ts';
import { templateKeys } from '../templates.ts';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const documentVersionInput = z.strictObject({
  templateKey: z.enum(templateKeys),
  templateVersion: z.string(),
  title: z.string(),
  body: z.string(),
  sha256: hex64,
  pdf: z.instanceof(Buffer),
  pdfSha256: hex64,
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  organizationId: z.uuid().nullable(),
  personId: z.uuid().nullable(),
});

/** Stores a rendering (see `renderDocument`) as a version that never changes. */
export const recordDocumentVersion = defineCommand({
  name: 'documents.recordVersion',
  input: documentVersionInput,
  policy: documentsPolicy.recordFromCommand,
  events: [documentRendered],
  async run(tx, input, ctx) {
    const [row] = await tx
      .insert(documentVersions)
      .values({
        ...input,
        coopId: ctx.coopId,
        createdBy: ctx.actor.personId,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: documentVersions.id });
    await ctx.emit(documentRendered, row!.id, {
      templateKey: input.templateKey,
      templateVersion: input.templateVersion,
      title: input.title,
      sha256: input.sha256,
      pdfSha256: input.pdfSha256,
      aboutType: input.subjectType,
      aboutId: input.subjectId,
      organizationId: input.organizationId,
      personId: input.personId,
    });
    return { id: row!.id };
  },
});
