import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineCommand } from '../../platform/commands.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { documentAccepted } from '../events.ts';
import { documentsPolicy } from '../policy.ts';
import { documentAcceptances, documentVersions } from '../schema.ts';
import { signatorySchema } from '../signatoryInput.ts';

export { signatorySchema };

/**
 * Records that someone accepted a document version. The hash they saw must be the version's:
 * a page left open while the document was re-rendered accepts nothing.
 */
export const recordDocumentAcceptance = defineCommand({
  name: 'documents.recordAcceptance',
  input: z.strictObject({
    documentVersionId: z.uuid(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    signatory: signatorySchema,
    personId: z.uuid().nullable(),
    userAgent: z.string().max(500).optional(),
  }),
  policy: documentsPolicy.recordFromCommand,
  events: [documentAccepted],
  async run(tx, input, ctx) {
    const [version] = await tx
      .select({
        id: documentVersions.id,
        sha256: documentVersions.sha256,
        templateKey: documentVersions.templateKey,
        organizationId: documentVersions.organizationId,
      })
      .from(documentVersions)
      .where(
        and(
          eq(documentVersions.coopId, ctx.coopId),
          eq(documentVersions.id, input.documentVersionId),
        ),
      );
    if (!version) throw notFound('This document');
    if (version.sha256 !== input.sha256)
      throw conflict('The document changed since it was shown: read it again before accepting.', [
        { pointer: '/sha256', message: `the document’s SHA-256 is ${version.sha256}` },
      ]).because('document.changed');
    const [row] = await tx
      .insert(documentAcceptances)
      .values({
        coopId: ctx.coopId,
        documentVersionId: version.id,
        sha256: version.sha256,
        organizationId: version.organizationId,
        personId: input.personId,
        name: input.signatory.name,
        email: input.signatory.email,
        role: input.signatory.role ?? null,
        acceptedAt: ctx.clock.now(),
        ip: ctx.ip ?? null,
        userAgent: input.userAgent ?? null,
      })
      .returning({ id: documentAcceptances.id });
    await ctx.emit(documentAccepted, version.id, {
      acceptanceId: row!.id,
      templateKey: version.templateKey,
      sha256: version.sha256,
      organizationId: version.organizationId,
      personId: input.personId,
      name: input.signatory.name,
    });
    return { id: row!.id, sha256: version.sha256 };
  },
});
