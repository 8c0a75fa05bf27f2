import { z } from 'zod';
import { commandContext, type App, type AppDeps, type Reply } from '../../platform/http/context.ts';
import { notFound } from '../../platform/errors.ts';
import { problemSchema } from '../../platform/http/problem.ts';
import { fileContent } from '../../platform/http/responses.ts';
import { authorize } from '../../platform/policy.ts';
import { runCommand } from '../../platform/commands.ts';
import { claimStatuses } from '../schema.ts';
import { approveClaim } from './commands/approveClaim.ts';
import { claimInputSchema } from './claimInput.ts';
import { createClaim } from './commands/createClaim.ts';
import { claimEditSchema, editClaim } from './commands/editClaim.ts';
import { payClaim } from './commands/payClaim.ts';
import { rejectClaim } from './commands/rejectClaim.ts';
import { paymentInputSchema, rejectionInputSchema } from './decisionInput.ts';
import { submitClaim } from './commands/submitClaim.ts';
import { receiptUploadSchema, uploadReceipt } from './commands/uploadReceipt.ts';
import { expensePolicy } from './policy.ts';
import {
  claimFormOptions,
  claimView,
  listClaims,
  readReceipt,
  type ClaimView,
  type ReceiptContent,
} from './queries.ts';
import { contentDisposition, maxReceiptBase64Length, receiptTypes } from './receipts.ts';
import { loadClaim } from './repository.ts';

const idParams = z.object({ id: z.uuid() });
const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

const receiptSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
  })
  .meta({ id: 'Receipt' });

const claimSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    category: z.string(),
    account: z.object({ id: z.uuid(), code: z.string(), path: z.string() }),
    incurredOn: z.string(),
    amount: z.string().describe('Decimal string in the claim’s currency'),
    currency: z.string(),
    status: z.enum(claimStatuses),
    receipt: receiptSchema.nullable(),
    submittedBy: z.object({ id: z.uuid(), displayName: z.string() }),
    submittedAt: z.date().nullable(),
    decidedAt: z.date().nullable(),
    rejectionReason: z.string().nullable(),
    approvals: z.array(
      z.object({ approverId: z.uuid(), displayName: z.string(), approvedAt: z.date() }),
    ),
    approvalsNeeded: z
      .number()
      .int()
      .describe('Distinct approvers required: 2 above the bylaws’ threshold, else 1'),
    dualApprovalAbove: z.object({ amount: z.string(), currency: z.string() }),
    paidEntry: z.object({ id: z.uuid(), number: z.number().int() }).nullable(),
    payments: z
      .array(
        z.object({
          entry: z.object({ id: z.uuid(), number: z.number().int(), effectiveOn: z.string() }),
          reversedBy: z
            .object({
              id: z.uuid(),
              number: z.number().int(),
              effectiveOn: z.string(),
              description: z.string(),
            })
            .nullable(),
        }),
      )
      .describe(
        'Its payment entries, oldest first; a reversed payment names its reversal (the claim was approved again then)',
      ),
    createdAt: z.date(),
  })
  .meta({ id: 'ExpenseClaim' });

/** Expense claims and their receipts, under /api/expenses. */
export function expenseRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['expenses'];
  const ctxOf = (request: Parameters<typeof commandContext>[1]) => commandContext(deps, request);
  /** The claim as it is now, for whoever may see it. */
  const view = async (coopId: string, id: string): Promise<ClaimView> =>
    (await claimView(db, coopId, id, deps.clock))!;
  const sendReceipt = (reply: Reply, file: ReceiptContent) =>
    reply
      .type(file.contentType)
      .header('content-disposition', contentDisposition(file.name, 'inline'))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=3600')
      .header('etag', `"${file.sha256}"`)
      .send(file.content);

  app.post(
    '/api/expenses/receipts',
    {
      // 10 MB of receipt is about 13.4 MB of base64.
      bodyLimit: maxReceiptBase64Length + 64 * 1024,
      schema: {
        operationId: 'uploadReceipt',
        tags,
        summary:
          'Upload a receipt (JPEG, PNG, WebP or PDF up to 10 MB, as base64); its type is checked against its content',
        body: receiptUploadSchema,
        response: { 201: receiptSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await runCommand(uploadReceipt, request.body, ctxOf(request))),
  );

  app.get(
    '/api/expenses/receipts/:id',
    {
      schema: {
        operationId: 'getReceipt',
        tags,
        summary: 'A receipt’s file, for its uploader and those who may see its claim',
        params: idParams,
        response: {
          200: { description: 'The receipt as uploaded', content: fileContent(...receiptTypes) },
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) =>
      sendReceipt(reply, await readReceipt(db, ctxOf(request).actor, request.params.id)),
  );

  app.get(
    '/api/expenses/options',
    {
      schema: {
        operationId: 'getClaimOptions',
        tags,
        summary: 'What a claim form offers: expense accounts, categories used, approval threshold',
        response: {
          200: z.object({
            currency: z.string(),
            dualApprovalAbove: z.object({ amount: z.string(), currency: z.string() }),
            accounts: z.array(z.object({ code: z.string(), path: z.string() })),
            categories: z.array(z.string()),
          }),
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, expensePolicy.claim, undefined, 'Only active members claim expenses.');
      return claimFormOptions(db, ctx.actor.coopId, deps.clock);
    },
  );

  app.get(
    '/api/expenses/claims',
    {
      schema: {
        operationId: 'listClaims',
        tags,
        summary:
          'Claims, newest first: members see their own, administrators and officers everyone’s',
        querystring: z.object({
          status: z.enum(claimStatuses).optional(),
          mine: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ claims: z.array(claimSchema) }), 401: problemSchema },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(
        ctx.actor,
        (actor) => expensePolicy.claim(actor, undefined) || expensePolicy.seeAll(actor, undefined),
        undefined,
      );
      const { status, mine, limit } = request.query;
      return {
        claims: await listClaims(
          db,
          ctx.actor,
          {
            ...(status ? { status } : {}),
            mine: mine === 'true',
            limit,
          },
          deps.clock,
        ),
      };
    },
  );

  app.post(
    '/api/expenses/claims',
    {
      schema: {
        operationId: 'createClaim',
        tags,
        summary: 'Start a claim (a draft); submit it once its receipt is attached',
        body: claimInputSchema,
        response: { 201: claimSchema, ...problems },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const { id } = await runCommand(createClaim, request.body, ctx);
      return reply.status(201).send(await view(ctx.actor.coopId, id));
    },
  );

  app.get(
    '/api/expenses/claims/:id',
    {
      schema: {
        operationId: 'getClaim',
        summary: 'An expense claim with its approvals and payments',
        tags,
        params: idParams,
        response: { 200: claimSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const claim = await loadClaim(db, ctx.actor.coopId, request.params.id);
      authorize(ctx.actor, expensePolicy.see, claim);
      return view(ctx.actor.coopId, claim.id);
    },
  );

  app.get(
    '/api/expenses/claims/:id/receipt',
    {
      schema: {
        operationId: 'getClaimReceipt',
        tags,
        summary: 'The claim’s receipt file',
        params: idParams,
        response: {
          200: { description: 'The receipt as uploaded', content: fileContent(...receiptTypes) },
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const claim = await loadClaim(db, ctx.actor.coopId, request.params.id);
      authorize(ctx.actor, expensePolicy.see, claim);
      if (!claim.receiptFileId) throw notFound('This claim’s receipt');
      return sendReceipt(reply, await readReceipt(db, ctx.actor, claim.receiptFileId));
    },
  );

  app.patch(
    '/api/expenses/claims/:id',
    {
      schema: {
        operationId: 'updateClaim',
        tags,
        summary: 'Change a draft (its submitter only)',
        params: idParams,
        body: claimEditSchema,
        response: { 200: claimSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      await runCommand(editClaim, { claimId: request.params.id, edit: request.body }, ctx);
      return view(ctx.actor.coopId, request.params.id);
    },
  );

  const transition = (
    path: string,
    summary: string,
    act: (ctx: ReturnType<typeof ctxOf>, id: string, body: never) => Promise<unknown>,
    body?: z.ZodType,
  ) =>
    app.post(
      `/api/expenses/claims/:id/${path}`,
      {
        schema: {
          operationId: `${path}Claim`,
          tags,
          summary,
          params: idParams,
          ...(body ? { body } : {}),
          response: { 200: claimSchema, ...problems },
        },
      },
      async (request) => {
        const ctx = ctxOf(request);
        await act(ctx, request.params.id, request.body as never);
        return view(ctx.actor.coopId, request.params.id);
      },
    );

  transition('submit', 'Send a draft with its receipt to the approvers', (ctx, claimId) =>
    runCommand(submitClaim, { claimId }, ctx),
  );
  transition(
    'approve',
    'Approve (never one’s own claim); above the bylaws’ threshold two distinct approvers are needed',
    (ctx, claimId) => runCommand(approveClaim, { claimId }, ctx),
  );
  transition(
    'reject',
    'Reject a submitted claim, with the reason',
    (ctx, claimId, rejection: z.input<typeof rejectionInputSchema>) =>
      runCommand(rejectClaim, { claimId, rejection }, ctx),
    rejectionInputSchema,
  );
  transition(
    'pay',
    'Pay an approved claim: posts Dr its expense account / Cr the bank, once',
    (ctx, claimId, payment: z.input<typeof paymentInputSchema>) =>
      runCommand(payClaim, { claimId, payment }, ctx),
    paymentInputSchema,
  );
}
