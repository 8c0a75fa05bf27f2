import { z } from 'zod';
import { runCommand } from '../platform/commands.ts';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { fileContent } from '../platform/http/responses.ts';
import { authorize } from '../platform/policy.ts';
import { createInvoice } from './commands/createInvoice.ts';
import { deleteDraft, editDraft } from './commands/editDraft.ts';
import { sendInvoice, sendInvoiceSchema } from './commands/sendInvoice.ts';
import { finalizeInvoice } from './commands/finalizeInvoice.ts';
import { setInvoiceDispute } from './commands/invoiceDispute.ts';
import { recordInvoicePayment } from './commands/recordInvoicePayment.ts';
import { finalizeInputSchema, invoicePaymentSchema } from './stepsInput.ts';
import { saveInvoicingSettings } from './commands/saveInvoicingSettings.ts';
import { invoicingSettingsSchema } from './settingsInput.ts';
import { exportFormats, exportInvoice } from './documents/exportInvoice.ts';
import { invoiceDraftSchema, newInvoiceSchema } from './input.ts';
import { invoicingPolicy } from './policy.ts';
import { dunningCalendar, invoiceDetail, invoiceStatuses, listInvoices } from './queries.ts';
import { sendReminders } from './commands/sendReminders.ts';
import { invoicingSettingsOf } from './repository.ts';
import { vatCategories } from './vatCategories.ts';

const idParams = z.object({ id: z.uuid() });
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};
const amount = z.string().describe('Decimal string in the invoice’s currency');

const party = z.object({
  legalName: z.string(),
  vatId: z.string().nullable(),
  registrationId: z.string().nullable(),
  street: z.string(),
  city: z.string(),
  postcode: z.string(),
  country: z.string(),
  email: z.string(),
});

const invoiceSummarySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['invoice', 'credit-note']),
    status: z.enum(invoiceStatuses),
    overdue: z.boolean(),
    disputed: z.boolean(),
    number: z.string().nullable().describe('Null while a draft'),
    organization: z.object({ id: z.uuid(), name: z.string() }),
    currency: z.string(),
    issueDate: z.string().nullable(),
    dueDate: z.string().nullable(),
    period: z
      .object({ start: z.string(), end: z.string() })
      .nullable()
      .describe('The invoicing period (EN 16931 BG-14)'),
    agreementId: z.uuid().nullable(),
    heldReason: z
      .string()
      .nullable()
      .describe('Why a draft a renewal prepared waits (its purchase order ran out)'),
    gross: amount.nullable(),
    settled: amount,
    due: amount.nullable().describe('What is left to pay (negative when overpaid)'),
    creditorReference: z.string().nullable().describe('ISO 11649 RF reference for the payment'),
  })
  .meta({ id: 'InvoiceSummary' });

const invoiceSchema = invoiceSummarySchema
  .extend({
    deliveryDate: z.string().nullable(),
    buyerReference: z.string().nullable(),
    purchaseOrder: z.string().nullable(),
    rounding: z.enum(['per-line', 'per-rate']),
    note: z.string(),
    exemptionReason: z.string().nullable(),
    buyer: party.nullable(),
    seller: party
      .extend({ iban: z.string().nullable(), bic: z.string().nullable(), phone: z.string() })
      .nullable(),
    lines: z.array(
      z.object({
        description: z.string(),
        quantity: z.string(),
        unitCode: z.string(),
        unitPrice: z.string(),
        vatCategory: z.enum(vatCategories),
        vatRate: z.string(),
        net: amount,
      }),
    ),
    net: amount,
    tax: amount,
    grossTotal: amount,
    vatBreakdown: z.array(
      z.object({ category: z.enum(vatCategories), rate: z.string(), taxable: amount, tax: amount }),
    ),
    exchangeRate: z.object({ rate: z.string(), on: z.string(), source: z.string() }).nullable(),
    entryId: z.uuid().nullable(),
    settlements: z.array(
      z.object({
        kind: z.enum(['payment', 'bank-line', 'credit-note']),
        amount,
        receivedOn: z.string(),
        entryNumber: z.number().int().nullable(),
        creditNote: z.string().nullable(),
        reference: z.string(),
      }),
    ),
    sendings: z.array(
      z.object({
        sentAt: z.date(),
        to: z.array(z.string()),
        format: z.enum(['ubl', 'xrechnung', 'cii']),
        transport: z.enum(['mail']),
        status: z.enum(['queued', 'delivered', 'held', 'failed']),
        error: z.string().nullable(),
      }),
    ),
    creditNotes: z.array(
      z.object({ id: z.uuid(), number: z.string().nullable(), status: z.enum(invoiceStatuses) }),
    ),
    creditedInvoice: z.object({ id: z.uuid(), number: z.string().nullable() }).nullable(),
    finalizedAt: z.date().nullable(),
  })
  .meta({ id: 'Invoice' });

const settingsSchema = z
  .object({
    legalName: z.string(),
    vatId: z.string().nullable(),
    registrationId: z.string().nullable(),
    street: z.string(),
    city: z.string(),
    postcode: z.string(),
    country: z.string(),
    email: z.string(),
    phone: z.string(),
    iban: z.string().nullable(),
    bic: z.string().nullable(),
    invoicePrefix: z.string(),
    creditNotePrefix: z.string(),
    paymentTermsDays: z.number().int(),
    rounding: z.enum(['per-line', 'per-rate']),
    incomeAccount: z.string(),
    receivableAccount: z.string(),
    vatAccount: z.string(),
    dunningStages: z.array(z.object({ afterDays: z.number().int(), label: z.string() })),
    lateFeeMinor: z.string().nullable(),
    standardVatRate: z.string(),
  })
  .meta({ id: 'InvoicingSettings' });

const presentSettings = (s: Awaited<ReturnType<typeof invoicingSettingsOf>>) => ({
  ...s,
  lateFeeMinor: s.lateFeeMinor === null ? null : s.lateFeeMinor.toString(),
});

/** Invoices and credit notes, their documents and payments, under /api/invoices. */
export function invoicingRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['invoices'];
  const ctxOf = (request: Parameters<typeof commandContext>[1]) => commandContext(deps, request);
  const detail = (request: Parameters<typeof commandContext>[1], id: string) =>
    invoiceDetail(db, ctxOf(request).actor, id, deps.clock.today());

  app.get(
    '/api/invoicing/settings',
    {
      schema: {
        operationId: 'getInvoicingSettings',
        tags,
        summary: 'The seller details, numbering, terms, rounding and dunning stages',
        response: { 200: settingsSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, invoicingPolicy.readAll, undefined);
      return presentSettings(await invoicingSettingsOf(db, ctx.actor.coopId));
    },
  );

  app.patch(
    '/api/invoicing/settings',
    {
      schema: {
        operationId: 'updateInvoicingSettings',
        tags,
        summary: 'Change the seller details, numbering prefixes, terms or dunning stages',
        body: invoicingSettingsSchema,
        response: { 200: settingsSchema, ...problems },
      },
    },
    async (request) =>
      presentSettings(await runCommand(saveInvoicingSettings, request.body, ctxOf(request))),
  );

  app.post(
    '/api/invoices',
    {
      schema: {
        operationId: 'createInvoice',
        tags,
        summary:
          'Draft an invoice (or a credit note, naming the invoice it corrects); `finalize` numbers and posts it at once',
        body: newInvoiceSchema,
        response: {
          201: z.object({ id: z.uuid(), number: z.string().nullable() }),
          ...problems,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await runCommand(createInvoice, request.body, ctxOf(request))),
  );

  app.get(
    '/api/invoices',
    {
      schema: {
        operationId: 'listInvoices',
        tags,
        summary:
          'Invoices and credit notes, newest first; a sponsor’s representative sees its organization’s only',
        querystring: z.object({
          status: z.enum([...invoiceStatuses, 'overdue']).optional(),
          organizationId: z.uuid().optional(),
        }),
        response: {
          200: z.object({ invoices: z.array(invoiceSummarySchema) }),
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => ({
      invoices: await listInvoices(db, ctxOf(request).actor, request.query, deps.clock.today()),
    }),
  );

  app.get(
    '/api/invoices/:id',
    {
      schema: {
        operationId: 'getInvoice',
        tags,
        summary: 'An invoice with its lines, VAT breakdown, settlements and credit notes',
        params: idParams,
        response: {
          200: invoiceSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request) => detail(request, request.params.id),
  );

  app.patch(
    '/api/invoices/:id',
    {
      schema: {
        operationId: 'editDraftInvoice',
        tags,
        summary: 'Replace a draft’s buyer, terms and lines (a final invoice never changes)',
        params: idParams,
        body: invoiceDraftSchema,
        response: { 200: invoiceSchema, ...problems },
      },
    },
    async (request) => {
      await runCommand(
        editDraft,
        { invoiceId: request.params.id, draft: request.body },
        ctxOf(request),
      );
      return detail(request, request.params.id);
    },
  );

  app.delete(
    '/api/invoices/:id',
    {
      schema: {
        operationId: 'deleteDraftInvoice',
        tags,
        summary: 'Delete a draft (a final invoice is never deleted)',
        params: idParams,
        response: { 204: z.null().describe('Deleted'), ...problems },
      },
    },
    async (request, reply) => {
      await runCommand(deleteDraft, { invoiceId: request.params.id }, ctxOf(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/invoices/:id/finalize',
    {
      schema: {
        operationId: 'finalizeInvoice',
        tags,
        summary:
          'Finalise a draft: the next number of its series, the receivable, income and VAT posted',
        params: idParams,
        body: finalizeInputSchema,
        response: { 200: invoiceSchema, ...problems },
      },
    },
    async (request) => {
      await runCommand(
        finalizeInvoice,
        { invoiceId: request.params.id, ...request.body },
        ctxOf(request),
      );
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/api/invoices/:id/send',
    {
      schema: {
        operationId: 'sendInvoice',
        tags,
        summary:
          'Send a final invoice or credit note to the billing contacts, with its PDF and e-invoice attached',
        params: idParams,
        body: sendInvoiceSchema,
        response: { 200: invoiceSchema, ...problems },
      },
    },
    async (request) => {
      await runCommand(
        sendInvoice,
        { invoiceId: request.params.id, ...request.body },
        ctxOf(request),
      );
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/api/invoices/:id/payments',
    {
      schema: {
        operationId: 'recordInvoicePayment',
        tags,
        summary: 'Record a payment received for an invoice (partial and overpayments too)',
        params: idParams,
        body: invoicePaymentSchema,
        response: { 201: invoiceSchema, ...problems },
      },
    },
    async (request, reply) => {
      await runCommand(
        recordInvoicePayment,
        { invoiceId: request.params.id, payment: request.body },
        ctxOf(request),
      );
      return reply.status(201).send(await detail(request, request.params.id));
    },
  );

  app.post(
    '/api/invoices/:id/dispute',
    {
      schema: {
        operationId: 'setInvoiceDispute',
        tags,
        summary: 'Mark an invoice disputed (reminders pause) or end the dispute',
        params: idParams,
        body: z.strictObject({ disputed: z.boolean(), reason: z.string().max(1000).default('') }),
        response: { 200: invoiceSchema, ...problems },
      },
    },
    async (request) => {
      await runCommand(
        setInvoiceDispute,
        { invoiceId: request.params.id, ...request.body },
        ctxOf(request),
      );
      return detail(request, request.params.id);
    },
  );

  app.get(
    '/api/invoicing/dunning',
    {
      schema: {
        operationId: 'getDunningCalendar',
        tags,
        summary: 'Each unpaid invoice’s reminder stages: the day each falls due and those sent',
        response: {
          200: z.object({
            stages: z.array(z.object({ afterDays: z.number().int(), label: z.string() })),
            invoices: z.array(
              z.object({
                id: z.uuid(),
                number: z.string(),
                organization: z.string(),
                dueDate: z.string(),
                disputed: z.boolean(),
                due: amount,
                currency: z.string(),
                stages: z.array(
                  z.object({
                    stage: z.number().int(),
                    label: z.string(),
                    on: z.string(),
                    sentOn: z.string().nullable(),
                    sentTo: z.string().nullable(),
                  }),
                ),
              }),
            ),
          }),
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, invoicingPolicy.readAll, undefined);
      const settings = await invoicingSettingsOf(db, ctx.actor.coopId);
      return {
        stages: settings.dunningStages,
        invoices: await dunningCalendar(db, ctx.actor.coopId, settings.dunningStages),
      };
    },
  );

  app.post(
    '/api/invoicing/reminders',
    {
      schema: {
        operationId: 'sendInvoiceReminders',
        tags,
        summary:
          'Send the reminders due today now (the daily job does it too); each stage goes once',
        body: z.strictObject({}).optional(),
        response: { 200: z.object({ sent: z.number().int() }), ...problems },
      },
    },
    async (request) => runCommand(sendReminders, {}, ctxOf(request)),
  );

  app.get(
    '/api/invoices/:id/document',
    {
      schema: {
        operationId: 'getInvoiceDocument',
        tags,
        summary:
          'The final invoice as a PDF, or as an EN 16931 e-invoice: UBL (Peppol BIS 3), CII, XRechnung (UBL) or Factur-X (PDF/A-3 with CII inside)',
        params: idParams,
        querystring: z.object({ format: z.enum(exportFormats).default('pdf') }),
        response: {
          200: {
            description: 'The document',
            content: fileContent('application/pdf', 'application/xml'),
          },
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      await detail(request, request.params.id);
      const file = await exportInvoice(
        db,
        ctx.actor.coopId,
        request.params.id,
        request.query.format,
      );
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content);
    },
  );
}
