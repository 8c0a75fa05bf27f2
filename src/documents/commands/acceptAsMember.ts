import { z } from 'zod';
import { getMemberProfile } from '../../members/queries.ts';
import { defineCommand, runCommand } from '../../platform/commands.ts';
import { forbidden } from '../../platform/errors.ts';
import { ownOrganizationId } from '../../platform/policy.ts';
import { memberAcceptanceSchema } from '../paperInput.ts';
import { documentsPolicy } from '../policy.ts';
import { getDocumentVersion } from '../queries.ts';
import { recordDocumentAcceptance } from './recordAcceptance.ts';

/**
 * A signed-in member accepts a document version in their own name: a paper addressed to them,
 * to their organization (they sign for it), or to nobody in particular (the rules, the DCO).
 */
export const acceptAsMember = defineCommand({
  name: 'documents.acceptAsMember',
  input: memberAcceptanceSchema.extend({
    documentVersionId: z.uuid(),
    userAgent: z.string().max(500).optional(),
  }),
  policy: documentsPolicy.acceptAsMember,
  denied: 'Active members accept documents in their own name.',
  events: [],
  async run(tx, input, ctx) {
    const version = await getDocumentVersion(tx, ctx.coopId, input.documentVersionId);
    const personId = ctx.actor.personId!;
    const addressedToThem =
      (version.personId === null || version.personId === personId) &&
      (version.organizationId === null || version.organizationId === ownOrganizationId(ctx.actor));
    if (!addressedToThem)
      throw forbidden('This document is not addressed to you.').because('document.not-addressed');
    const profile = await getMemberProfile(tx, ctx.coopId, personId, true, ctx.clock.today());
    const email = profile.emails?.[0]?.email ?? '';
    return runCommand(
      recordDocumentAcceptance,
      {
        documentVersionId: version.id,
        sha256: input.sha256,
        signatory: {
          name: profile.displayName,
          email,
          ...(input.role ? { role: input.role } : {}),
        },
        personId,
        ...(input.userAgent ? { userAgent: input.userAgent } : {}),
      },
      { ...ctx, tx },
    );
  },
});
