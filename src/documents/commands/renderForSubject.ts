import { coopById } from '../../coop/queries.ts';
import { defineCommand, runCommand } from '../../platform/commands.ts';
import { badRequest } from '../../platform/errors.ts';
import { documentsPolicy } from '../policy.ts';
import { renderDocument } from '../render.ts';
import { templateData } from '../templateData.ts';
import { renderRequestSchema } from '../paperInput.ts';
import { loadTemplate } from '../templates.ts';
import { recordDocumentVersion } from './recordDocumentVersion.ts';

/**
 * Fills a template from the co-op's data (and the organization's or person's) and stores the
 * PDF as a new version. Officers render any paper; a member renders their own (the membership
 * agreement, the DCO) to read and accept it.
 */
export const renderForSubject = defineCommand({
  name: 'documents.renderForSubject',
  input: renderRequestSchema,
  policy: documentsPolicy.renderFor,
  denied: 'Officers render documents; a member renders only their own papers.',
  events: [],
  async run(tx, input, ctx) {
    const key = input.templateKey;
    const template = loadTemplate(key);
    if (template.acceptedBy === 'organization' && !input.organizationId)
      throw badRequest(`${template.title} is for an organization: name it.`, [
        { pointer: '/organizationId', message: 'required for this document' },
      ]).because('document.for-organization');
    const data = await templateData(tx, ctx.coopId, input, ctx.clock);
    const coop = await coopById(tx, ctx.coopId);
    const rendered = await renderDocument(key, data, {
      coopName: coop.name,
      createdAt: ctx.clock.now(),
    });
    const version = await runCommand(
      recordDocumentVersion,
      {
        ...rendered,
        subjectType: null,
        subjectId: null,
        organizationId: input.organizationId ?? null,
        personId: input.personId ?? null,
      },
      { ...ctx, tx },
    );
    return { id: version.id, sha256: rendered.sha256, pdfSha256: rendered.pdfSha256 };
  },
});
