import { z } from 'zod';
import { documentPdf, getDocumentVersion } from '../documents/queries.ts';
import { runCommand } from '../platform/commands.ts';
import { notFound } from '../platform/errors.ts';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { fileContent } from '../platform/http/responses.ts';
import { authorize, ownOrganizationId } from '../platform/policy.ts';
import {
  agreementPatchSchema,
  cancellationSchema,
  purchaseOrderInputSchema,
} from './agreementChangesInput.ts';
import { capacityPlan } from './capacity/capacityQueries.ts';
import { quoteAcceptanceSchema } from './acceptanceInput.ts';
import { serviceHoursInputSchema } from './capacity/serviceHoursInput.ts';
import { acceptQuote, declineQuote, quoteByToken } from './commands/acceptQuote.ts';
import { cancelAgreement } from './commands/cancelAgreement.ts';
import { createAgreement } from './commands/createAgreement.ts';
import { createTier } from './commands/createTier.ts';
import { draftQuote } from './commands/draftQuote.ts';
import { recordPurchaseOrder } from './commands/recordPurchaseOrder.ts';
import { reviseTier } from './commands/reviseTier.ts';
import { runAgreementRenewals } from './commands/runRenewals.ts';
import { sendQuote } from './commands/sendQuote.ts';
import { setServiceHours } from './commands/setServiceHours.ts';
import { setTierListing, tierListingSchema } from './commands/setTierListing.ts';
import { newTierSchema, tierRevisionSchema } from './commands/tierInput.ts';
import { updateAgreement } from './commands/updateAgreement.ts';
import { updateQuote } from './commands/updateQuote.ts';
import { withdrawQuote } from './commands/withdrawQuote.ts';
import { agreementLineSchema, billingContactSchema, tierEntitlementsSchema } from './lines.ts';
import { minorOf } from './money.ts';
import { agreementsPolicy } from './policy.ts';
import { agreementStatuses, quoteStatuses } from './schema.ts';
import { getAgreement, getQuote, listAgreements, listQuotes } from './queries.ts';
import { newAgreementSchema, quoteTermsSchema } from './input.ts';
import { purchaseOrderStanding } from './repository.ts';
import { sendQuoteSchema } from './sendQuoteInput.ts';
import { getTier, listTiers } from './tierQueries.ts';

const tags = ['agreements'];
const idParams = z.object({ id: z.uuid() });
const tokenParams = z.object({ token: z.string().min(20).max(200) });
const day = z.iso.date();
const problems = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

const tierVersionSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    name: z.string(),
    summary: z.string(),
    price: z.string(),
    priceMinor: z.string(),
    currency: z.string(),
    periodMonths: z.number().int(),
    entitlements: tierEntitlementsSchema,
    serviceHoursPerMonth: z.number().int(),
    createdAt: z.date(),
  })
  .meta({ id: 'TierVersion' });

const tierSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    published: z.boolean(),
    archived: z.boolean(),
    current: tierVersionSchema,
  })
  .meta({ id: 'Tier' });

const lineViewSchema = agreementLineSchema
  .extend({ unitPrice: z.string(), amount: z.string() })
  .meta({ id: 'AgreementLineView' });

const quoteSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    organizationId: z.uuid(),
    organizationName: z.string(),
    title: z.string(),
    currency: z.string(),
    validUntil: day,
    startsOn: day,
    termMonths: z.number().int(),
    billingPeriodMonths: z.number().int(),
    autoRenew: z.boolean(),
    noticeDays: z.number().int(),
    notes: z.string(),
    status: z.enum(quoteStatuses),
    sentAt: z.date().nullable(),
    sentTo: z.string().nullable(),
    documentVersionId: z.uuid().nullable(),
    agreementId: z.uuid().nullable(),
    lines: z.array(lineViewSchema),
    perPeriod: z.string(),
    oneOff: z.string(),
    termTotal: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: 'Quote' });

const standingSchema = z.object({
  standing: z.enum(['ok', 'warn', 'block']),
  reasons: z.array(z.string()),
});

const agreementFields = {
  id: z.uuid(),
  number: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  quoteId: z.uuid().nullable(),
  title: z.string(),
  currency: z.string(),
  startsOn: day,
  termMonths: z.number().int(),
  currentTermStartsOn: day,
  currentTermEndsOn: day,
  autoRenew: z.boolean(),
  noticeDays: z.number().int(),
  renewalNoticeDays: z.array(z.number().int()),
  billingPeriodMonths: z.number().int(),
  lines: z.array(lineViewSchema),
  perPeriod: z.string(),
  oneOff: z.string(),
  buyerReference: z.string().nullable(),
  billingContacts: z.array(billingContactSchema),
  purchaseOrderRequired: z.boolean(),
  servingHackerIds: z.array(z.uuid()),
  status: z.enum(agreementStatuses),
  endsOn: day.nullable(),
  cancelledAt: z.date().nullable(),
  cancelReason: z.string().nullable(),
  documentVersionId: z.uuid().nullable(),
  createdAt: z.date(),
};
const agreementSchema = z.object(agreementFields).meta({ id: 'Agreement' });
const agreementDetailSchema = z
  .object({
    ...agreementFields,
    purchaseOrders: z.array(
      z.object({
        id: z.uuid(),
        number: z.string(),
        amount: z.string(),
        drawn: z.string(),
        remaining: z.string(),
        validFrom: day,
        validUntil: day,
        warnBelowPercent: z.number().int(),
        warnDaysBefore: z.number().int(),
      }),
    ),
    nextInvoiceStanding: standingSchema,
  })
  .meta({ id: 'AgreementDetail' });

const publicQuoteSchema = z
  .object({
    number: z.string(),
    title: z.string(),
    organizationName: z.string(),
    currency: z.string(),
    validUntil: day,
    startsOn: day,
    termMonths: z.number().int(),
    billingPeriodMonths: z.number().int(),
    autoRenew: z.boolean(),
    noticeDays: z.number().int(),
    lines: z.array(lineViewSchema),
    perPeriod: z.string(),
    oneOff: z.string(),
    termTotal: z.string(),
    status: z.enum(quoteStatuses),
    /** Whether it can still be accepted (sent, not past its validity). */
    open: z.boolean(),
    sha256: z.string(),
    templateVersion: z.string(),
  })
  .meta({ id: 'QuoteForBuyer' });

const minorString = z.string();
const capacitySchema = z
  .object({
    currency: z.string(),
    thresholds: z.object({
      serviceHoursPerHackerMonth: z.number().int(),
      comfortableClientsPerHacker: z.number().int(),
      clientsPerHackerBeforeHiring: z.number().int(),
      maxLoadPercent: z.number().int(),
    }),
    hackers: z.array(
      z.object({
        personId: z.uuid(),
        name: z.string(),
        clients: z.number().int(),
        serviceHoursPerMonth: z.number().int(),
        committedHoursPerMonth: z.number().int(),
        loadPercent: z.number().int().nullable(),
      }),
    ),
    clients: z.number().int(),
    clientsPerHacker: z.number().nullable(),
    comfortableClients: z.number().int(),
    clientsBeforeHiring: z.number().int(),
    capacityHoursPerMonth: z.number().int(),
    committedHoursPerMonth: z.number().int(),
    unservedHoursPerMonth: z.number().int(),
    annualRevenueMinor: minorString,
    targetAnnualMinor: minorString,
    gapMinor: minorString,
    tiers: z.array(
      z.object({
        tierId: z.uuid(),
        name: z.string(),
        version: z.number().int(),
        annualPriceMinor: minorString,
        serviceHoursPerMonth: z.number().int(),
        sponsorsForTarget: z.number().int(),
        hoursForTarget: z.number().int(),
        sponsorsForGap: z.number().int(),
        hoursForGap: z.number().int(),
        gapFitsCapacity: z.boolean(),
      }),
    ),
    warnings: z.array(
      z.object({
        code: z.enum([
          'comfortable-clients',
          'hire-before-more',
          'overloaded',
          'unserved',
          'other-currency',
        ]),
        message: z.string(),
        facts: z.record(z.string(), z.union([z.string(), z.number()])),
        personId: z.uuid().optional(),
      }),
    ),
  })
  .meta({ id: 'CapacityPlan' });

/** bigints to strings, for JSON. */
const plain = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));

export function agreementsRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const ctxOf = (request: Parameters<typeof commandContext>[1]) => commandContext(deps, request);
  const pdfReply = (reply: import('fastify').FastifyReply, pdf: Buffer, name: string) =>
    reply
      .type('application/pdf')
      .header(
        'content-disposition',
        `inline; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf"`,
      )
      .send(pdf);

  // Tiers

  app.get(
    '/api/tiers',
    {
      schema: {
        operationId: 'listTiers',
        summary:
          'The sponsorship tiers: published ones for anyone; all of them for officers and hackers',
        tags,
        security: [{}, { session: [] }],
        querystring: z.object({ all: z.enum(['true', 'false']).default('false') }),
        response: {
          200: z.object({ tiers: z.array(tierSchema) }),
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const all = request.query.all === 'true';
      if (all)
        authorize(
          ctx.actor,
          agreementsPolicy.readAllTiers,
          undefined,
          'Officers and hackers see every tier.',
        );
      return { tiers: await listTiers(db, ctx.actor.coopId, { publicOnly: !all }) };
    },
  );

  app.post(
    '/api/tiers',
    {
      schema: {
        operationId: 'createTier',
        summary: 'Add a tier (version 1): price per period, entitlements, hours it costs',
        tags,
        body: newTierSchema,
        response: {
          201: z.object({ id: z.uuid(), version: z.number().int(), tierVersionId: z.uuid() }),
          ...problems,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await runCommand(createTier, request.body, ctxOf(request))),
  );

  app.get(
    '/api/tiers/:id',
    {
      schema: {
        operationId: 'getTier',
        summary: 'A tier with every version, newest first',
        tags,
        security: [{}, { session: [] }],
        params: idParams,
        response: {
          200: z
            .object({
              id: z.uuid(),
              slug: z.string(),
              published: z.boolean(),
              archived: z.boolean(),
              currentVersion: z.number().int(),
              versions: z.array(tierVersionSchema),
            })
            .meta({ id: 'TierHistory' }),
          ...problems,
        },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const tier = await getTier(db, ctx.actor.coopId, request.params.id);
      // A hidden tier is no one's business but the co-op's: to others it does not exist.
      if (
        (!tier.published || tier.archived) &&
        !agreementsPolicy.readAllTiers(ctx.actor, undefined)
      )
        throw notFound('This tier');
      return tier;
    },
  );

  app.post(
    '/api/tiers/:id/versions',
    {
      schema: {
        operationId: 'reviseTier',
        summary: 'Give a tier a new version; signed agreements keep the version they pinned',
        tags,
        params: idParams,
        body: tierRevisionSchema,
        response: {
          201: z.object({ id: z.uuid(), version: z.number().int(), tierVersionId: z.uuid() }),
          ...problems,
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await runCommand(
            reviseTier,
            { tierId: request.params.id, terms: request.body },
            ctxOf(request),
          ),
        ),
  );

  app.patch(
    '/api/tiers/:id/listing',
    {
      schema: {
        operationId: 'setTierListing',
        summary: 'Publish, hide, archive or offer again a tier',
        tags,
        params: idParams,
        body: tierListingSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await runCommand(
        setTierListing,
        { tierId: request.params.id, listing: request.body },
        ctxOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  // Quotes

  app.get(
    '/api/quotes',
    {
      schema: {
        operationId: 'listQuotes',
        summary:
          'Quotes: every one for officers and hackers, a sponsor’s own for its representatives',
        tags,
        querystring: z.object({ organizationId: z.uuid().optional() }),
        response: { 200: z.object({ quotes: z.array(quoteSchema) }), ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const organizationId = scopeOrganization(ctx.actor, request.query.organizationId);
      return { quotes: await listQuotes(db, ctx.actor.coopId, organizationId) };
    },
  );

  app.post(
    '/api/quotes',
    {
      schema: {
        operationId: 'draftQuote',
        summary: 'Draft a quote: tier or custom lines, validity, the terms it proposes',
        tags,
        body: quoteTermsSchema,
        response: { 201: z.object({ id: z.uuid(), number: z.string() }), ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await runCommand(draftQuote, request.body, ctxOf(request))),
  );

  const readQuote = async (request: Parameters<typeof commandContext>[1], id: string) => {
    const ctx = ctxOf(request);
    const quote = await getQuote(db, ctx.actor.coopId, id);
    authorize(
      ctx.actor,
      agreementsPolicy.readOrganization,
      quote.organizationId,
      'A sponsor sees only its own quotes.',
    );
    return quote;
  };

  app.get(
    '/api/quotes/:id',
    {
      schema: {
        operationId: 'getQuote',
        summary: 'A quote',
        tags,
        params: idParams,
        response: { 200: quoteSchema, ...problems },
      },
    },
    async (request) => readQuote(request, request.params.id),
  );

  app.patch(
    '/api/quotes/:id',
    {
      schema: {
        operationId: 'updateQuote',
        summary: 'Rewrite a quote not yet decided (a sent one returns to draft)',
        tags,
        params: idParams,
        body: quoteTermsSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await runCommand(
        updateQuote,
        { quoteId: request.params.id, terms: request.body },
        ctxOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/quotes/:id/send',
    {
      schema: {
        operationId: 'sendQuote',
        summary: 'Render the quote as PDF and mail the buyer a link to accept it',
        tags,
        params: idParams,
        body: sendQuoteSchema,
        response: {
          200: z.object({ documentVersionId: z.uuid(), sha256: z.string(), acceptUrl: z.string() }),
          ...problems,
        },
      },
    },
    async (request) =>
      runCommand(sendQuote, { ...request.body, quoteId: request.params.id }, ctxOf(request)),
  );

  app.post(
    '/api/quotes/:id/withdraw',
    {
      schema: {
        operationId: 'withdrawQuote',
        summary: 'Take back a quote not yet decided',
        tags,
        params: idParams,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await runCommand(withdrawQuote, { quoteId: request.params.id }, ctxOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/quotes/:id/pdf',
    {
      schema: {
        operationId: 'getQuotePdf',
        summary: 'The PDF of the quote as last sent',
        tags,
        params: idParams,
        response: {
          200: { description: 'The quote', content: fileContent('application/pdf') },
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const quote = await readQuote(request, request.params.id);
      if (!quote.documentVersionId) throw notFound('A PDF of this draft');
      const doc = await documentPdf(db, ctxOf(request).actor.coopId, quote.documentVersionId);
      return pdfReply(reply, doc.pdf, `quote-${quote.number}`);
    },
  );

  // The buyer's link: the token is the authority, no session needed.

  const quoteForBuyer = async (request: Parameters<typeof commandContext>[1], token: string) => {
    const coopId = ctxOf(request).actor.coopId;
    const { quote, open } = await quoteByToken(db, coopId, token, deps.clock.today());
    const view = await getQuote(db, coopId, quote.id);
    const doc = await getDocumentVersion(db, coopId, quote.documentVersionId!);
    return {
      ...view,
      open,
      sha256: doc.sha256,
      templateVersion: doc.templateVersion,
      documentVersionId: doc.id,
    };
  };

  app.get(
    '/api/quote-links/:token',
    {
      schema: {
        operationId: 'getQuoteByLink',
        summary: 'The quote a buyer’s link names, with the SHA-256 of its text',
        tags,
        security: [],
        params: tokenParams,
        response: { 200: publicQuoteSchema, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request) => quoteForBuyer(request, request.params.token),
  );

  app.get(
    '/api/quote-links/:token/pdf',
    {
      schema: {
        operationId: 'getQuotePdfByLink',
        summary: 'The quote’s PDF, for the buyer holding its link',
        tags,
        security: [],
        params: tokenParams,
        response: {
          200: { description: 'The quote', content: fileContent('application/pdf') },
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const quote = await quoteForBuyer(request, request.params.token);
      const doc = await documentPdf(db, ctxOf(request).actor.coopId, quote.documentVersionId);
      return pdfReply(reply, doc.pdf, `quote-${quote.number}`);
    },
  );

  app.post(
    '/api/quote-links/:token/accept',
    {
      schema: {
        operationId: 'acceptQuoteByLink',
        summary: 'Accept the quote: records who, which version and hash, when and from where',
        tags,
        security: [],
        params: tokenParams,
        body: quoteAcceptanceSchema,
        response: {
          201: z.object({
            agreementId: z.uuid(),
            agreementNumber: z.string(),
            acceptanceId: z.uuid(),
          }),
          404: problemSchema,
          409: problemSchema,
          410: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const userAgent = request.headers['user-agent']?.slice(0, 500);
      const result = await runCommand(
        acceptQuote,
        { ...request.body, token: request.params.token, ...(userAgent ? { userAgent } : {}) },
        ctxOf(request),
      );
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/quote-links/:token/decline',
    {
      schema: {
        operationId: 'declineQuoteByLink',
        summary: 'Decline the quote',
        tags,
        security: [],
        params: tokenParams,
        response: { 204: z.null(), 404: problemSchema, 410: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      await runCommand(declineQuote, { token: request.params.token }, ctxOf(request));
      return reply.status(204).send(null);
    },
  );

  // Agreements

  app.get(
    '/api/agreements',
    {
      schema: {
        operationId: 'listAgreements',
        summary:
          'Agreements: every one for officers and hackers, a sponsor’s own for its representatives',
        tags,
        querystring: z.object({ organizationId: z.uuid().optional() }),
        response: { 200: z.object({ agreements: z.array(agreementSchema) }), ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const organizationId = scopeOrganization(ctx.actor, request.query.organizationId);
      return { agreements: await listAgreements(db, ctx.actor.coopId, organizationId) };
    },
  );

  app.post(
    '/api/agreements',
    {
      schema: {
        operationId: 'createAgreement',
        summary: 'Record an agreement signed outside a quote',
        tags,
        body: newAgreementSchema,
        response: { 201: z.object({ id: z.uuid(), number: z.string() }), ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await runCommand(createAgreement, request.body, ctxOf(request))),
  );

  app.get(
    '/api/agreements/:id',
    {
      schema: {
        operationId: 'getAgreement',
        summary: 'An agreement with its purchase orders and how the next invoice stands',
        tags,
        params: idParams,
        response: { 200: agreementDetailSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const agreement = await getAgreement(
        db,
        ctx.actor.coopId,
        request.params.id,
        deps.clock.today(),
      );
      authorize(
        ctx.actor,
        agreementsPolicy.readOrganization,
        agreement.organizationId,
        'A sponsor sees only its own agreements.',
      );
      return agreement;
    },
  );

  app.patch(
    '/api/agreements/:id',
    {
      schema: {
        operationId: 'updateAgreement',
        summary:
          'Change an agreement’s buyer reference, billing contacts, renewal, notice or hackers',
        tags,
        params: idParams,
        body: agreementPatchSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await runCommand(
        updateAgreement,
        { agreementId: request.params.id, patch: request.body },
        ctxOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/agreements/:id/cancel',
    {
      schema: {
        operationId: 'cancelAgreement',
        summary: 'Cancel an agreement: it serves to the end of the term its notice reaches',
        tags,
        params: idParams,
        body: cancellationSchema,
        response: { 200: z.object({ endsOn: day, withinNotice: z.boolean() }), ...problems },
      },
    },
    async (request) =>
      runCommand(
        cancelAgreement,
        { ...request.body, agreementId: request.params.id },
        ctxOf(request),
      ),
  );

  app.post(
    '/api/agreements/:id/purchase-orders',
    {
      schema: {
        operationId: 'recordPurchaseOrder',
        summary: 'Record the buyer’s purchase order (number, amount, validity)',
        tags,
        params: idParams,
        body: purchaseOrderInputSchema,
        response: { 201: z.object({ id: z.uuid() }), ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await runCommand(
            recordPurchaseOrder,
            { ...request.body, agreementId: request.params.id },
            ctxOf(request),
          ),
        ),
  );

  app.get(
    '/api/agreements/:id/purchase-order-standing',
    {
      schema: {
        operationId: 'getPurchaseOrderStanding',
        summary: 'Whether an invoice of an amount on a day may draw on the purchase orders',
        tags,
        params: idParams,
        querystring: z.object({ amount: z.string(), date: day }),
        response: { 200: standingSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, agreementsPolicy.manage, undefined);
      const agreement = await getAgreement(
        db,
        ctx.actor.coopId,
        request.params.id,
        deps.clock.today(),
      );
      const amountMinor = minorOf(request.query.amount, agreement.currency, '/amount');
      const standing = await purchaseOrderStanding(
        db,
        ctx.actor.coopId,
        agreement.id,
        amountMinor,
        request.query.date,
      );
      return { standing: standing.standing, reasons: standing.reasons };
    },
  );

  app.post(
    '/api/agreements/renewals/run',
    {
      schema: {
        operationId: 'runAgreementRenewals',
        summary:
          'Roll terms over, end agreements and announce renewals due today (runs daily by itself)',
        tags,
        response: {
          200: z.object({
            renewed: z.number().int(),
            ended: z.number().int(),
            announced: z.number().int(),
          }),
          ...problems,
        },
      },
    },
    async (request) => runCommand(runAgreementRenewals, {}, ctxOf(request)),
  );

  // Capacity

  app.get(
    '/api/capacity',
    {
      schema: {
        operationId: 'getCapacityPlan',
        summary:
          'Hackers’ load, sponsors per hacker against the bylaws’ thresholds, tiers needed to reach the pay target',
        tags,
        response: { 200: capacitySchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(
        ctx.actor,
        agreementsPolicy.readCapacity,
        undefined,
        'Officers and hackers plan capacity.',
      );
      return plain(await capacityPlan(db, ctx.actor.coopId, deps.clock)) as unknown as z.infer<
        typeof capacitySchema
      >;
    },
  );

  app.patch(
    '/api/capacity/hackers/:id',
    {
      schema: {
        operationId: 'setHackerServiceHours',
        summary: 'Set the hours a hacker gives sponsor service a month (null: the bylaws’ default)',
        tags,
        params: idParams,
        body: serviceHoursInputSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await runCommand(
        setServiceHours,
        { personId: request.params.id, ...request.body },
        ctxOf(request),
      );
      return reply.status(204).send(null);
    },
  );
}

/**
 * Which organization's papers a list shows: any (or the one asked) for those who read all; a
 * sponsor's representative only their own, whatever they ask.
 */
function scopeOrganization(actor: import('../platform/actor.ts').Actor, asked: string | undefined) {
  if (agreementsPolicy.readAll(actor, undefined)) return asked;
  const own = ownOrganizationId(actor);
  authorize(
    actor,
    agreementsPolicy.readOrganization,
    own ?? '',
    'Only officers, hackers and sponsors see agreements.',
  );
  if (!own) throw notFound('Your organization');
  return own;
}
