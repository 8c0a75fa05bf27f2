import { z } from 'zod';
import { organizationLocale } from '../organizations/queries.ts';
import { runCommand } from '../platform/commands.ts';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { fileContent } from '../platform/http/responses.ts';
import { localeSchema } from '../platform/i18n/locales.ts';
import { authorize } from '../platform/policy.ts';
import { editDigestNote } from './commands/editDigestNote.ts';
import { prepareSponsorDigest } from './commands/prepareSponsorDigest.ts';
import { prepareDigestInputSchema } from './prepareInput.ts';
import { sendSponsorDigest } from './commands/sendSponsorDigest.ts';
import { renderDigest } from './document.ts';
import { digestNoteSchema } from './noteInput.ts';
import { digestsPolicy } from './policy.ts';
import { digestMailings, listDigests, readableDigest } from './queries.ts';
import { digestFrequencies, digestStates } from './schema.ts';

const tags = ['digests'];
const problems = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const idParams = z.object({ id: z.uuid() });
const localeQuery = z.object({ locale: localeSchema.optional() });

const digestSummarySchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    from: z.iso.date(),
    to: z.iso.date(),
    frequency: z.enum(digestFrequencies),
    state: z.enum(digestStates),
    contentHash: z.string(),
    preparedAt: z.date(),
    sentAt: z.date().nullable(),
    sentByName: z.string().nullable(),
  })
  .meta({ id: 'SponsorDigestSummary' });

const digestSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    from: z.iso.date(),
    to: z.iso.date(),
    frequency: z.enum(digestFrequencies),
    state: z.enum(digestStates),
    note: z.string(),
    contentHash: z.string(),
    preparedAt: z.date(),
    sentAt: z.date().nullable(),
    locale: localeSchema,
    subject: z.string(),
    /** The mail's text part and HTML part, as the recipients read them. */
    text: z.string(),
    html: z.string(),
    mailedTo: z.array(z.object({ email: z.string(), mailedAt: z.date() })),
  })
  .meta({ id: 'SponsorDigest' });

export function digestsRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const ctxOf = (request: Parameters<typeof commandContext>[1]) => commandContext(deps, request);

  app.get(
    '/api/sponsor-digests',
    {
      schema: {
        operationId: 'listSponsorDigests',
        summary: 'Sponsors’ digests: every one for officers, a sponsor’s own sent ones',
        tags,
        querystring: z.object({
          organizationId: z.uuid().optional(),
          state: z.enum(digestStates).optional(),
        }),
        response: { 200: z.object({ digests: z.array(digestSummarySchema) }), ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, digestsPolicy.list, undefined);
      return { digests: await listDigests(db, ctx.actor, request.query) };
    },
  );

  app.post(
    '/api/sponsor-digests',
    {
      schema: {
        operationId: 'prepareSponsorDigest',
        summary: 'Prepare (or prepare again) a sponsor’s digest for a period, to preview it',
        tags,
        body: prepareDigestInputSchema,
        response: {
          201: z.object({ id: z.uuid(), created: z.boolean() }),
          400: problemSchema,
          ...problems,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await runCommand(prepareSponsorDigest, request.body, ctxOf(request))),
  );

  app.get(
    '/api/sponsor-digests/:id',
    {
      schema: {
        operationId: 'getSponsorDigest',
        summary: 'A digest as its recipients read it (text and HTML), in a language',
        tags,
        params: idParams,
        querystring: localeQuery,
        response: { 200: digestSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const digest = await readableDigest(db, ctx.actor, request.params.id);
      const locale =
        request.query.locale ??
        (await organizationLocale(db, ctx.actor.coopId, digest.organizationId));
      const rendered = await renderDigest(db, digest, { locale, publicUrl: deps.config.publicUrl });
      return {
        id: digest.id,
        organizationId: digest.organizationId,
        from: digest.periodFrom,
        to: digest.periodTo,
        frequency: digest.frequency,
        state: digest.state,
        note: digest.note,
        contentHash: digest.contentHash,
        preparedAt: digest.preparedAt,
        sentAt: digest.sentAt,
        locale,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        mailedTo: digestsPolicy.manage(ctx.actor, undefined)
          ? await digestMailings(db, ctx.actor.coopId, digest.id)
          : [],
      };
    },
  );

  app.get(
    '/api/sponsor-digests/:id/pdf',
    {
      schema: {
        operationId: 'getSponsorDigestPdf',
        summary: 'A digest as a PDF, in a language (the sponsor’s by default)',
        tags,
        params: idParams,
        querystring: localeQuery,
        response: {
          200: { description: 'The PDF', content: fileContent('application/pdf') },
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const digest = await readableDigest(db, ctx.actor, request.params.id);
      const locale =
        request.query.locale ??
        (await organizationLocale(db, ctx.actor.coopId, digest.organizationId));
      const rendered = await renderDigest(db, digest, { locale, publicUrl: deps.config.publicUrl });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${rendered.fileName}"`)
        .send(await rendered.pdf());
    },
  );

  app.patch(
    '/api/sponsor-digests/:id',
    {
      schema: {
        operationId: 'editSponsorDigestNote',
        summary: 'Edit the officer’s note of a digest not yet sent',
        tags,
        params: idParams,
        body: digestNoteSchema,
        response: {
          200: z.object({ id: z.uuid(), contentHash: z.string() }),
          400: problemSchema,
          ...problems,
        },
      },
    },
    async (request) =>
      runCommand(editDigestNote, { ...request.body, digestId: request.params.id }, ctxOf(request)),
  );

  app.post(
    '/api/sponsor-digests/:id/send',
    {
      schema: {
        operationId: 'sendSponsorDigest',
        summary:
          'Send a digest: it is fixed, mailed with its PDF, and kept in the sponsor’s portal',
        tags,
        params: idParams,
        response: { 200: z.object({ id: z.uuid(), sentAt: z.date() }), ...problems },
      },
    },
    async (request) =>
      runCommand(sendSponsorDigest, { digestId: request.params.id }, ctxOf(request)),
  );
}
