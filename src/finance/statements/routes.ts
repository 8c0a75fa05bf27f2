import { z } from 'zod';
import { commandContext, type App, type AppDeps } from '../../platform/http/context.ts';
import { problemSchema } from '../../platform/http/problem.ts';
import { storedJson } from '../../platform/http/responses.ts';
import { authorize } from '../../platform/policy.ts';
import { runCommand } from '../../platform/commands.ts';
import { financePolicy } from '../policy.ts';
import { bankLineStatuses, statementFormats } from '../schema.ts';
import { bookBankLine } from './commands/bookBankLine.ts';
import { confirmBankLine, confirmBankLineInputSchema } from './commands/confirmBankLine.ts';
import { ignoreBankLine } from './commands/ignoreBankLine.ts';
import { bookBankLineInputSchema, ignoreBankLineInputSchema } from './bankLineInput.ts';
import { importStatement } from './commands/importStatement.ts';
import { importStatementInputSchema } from './importInput.ts';
import { statementFactSchema } from './facts.ts';
import { matchFactSchema } from './matchFacts.ts';
import { csvMappingInputSchema, saveCsvMapping } from './commands/saveCsvMapping.ts';
import { listBankLines, listCsvMappings, listStatements } from './queries.ts';

const problems = {
  400: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};
const balanceCheck = z.enum(['ok', 'mismatch', 'unknown']);
const decimal = z.string().describe('A decimal amount, e.g. "-1230.05"');
const facts = (what: string) =>
  z.array(statementFactSchema).describe(`${what} as facts: a code and its figures, to word`);

const importedStatementSchema = z.object({
  id: z.uuid(),
  account: z.string(),
  accountCode: z.string(),
  bankAccountRef: z.string().nullable(),
  statementRef: z.string().nullable(),
  currency: z.string(),
  fromDay: z.string().nullable(),
  toDay: z.string().nullable(),
  opening: decimal.nullable().describe('As stated, or implied by the closing when none is'),
  closing: decimal.nullable(),
  balanceCheck,
  balanceProblem: z.string().nullable(),
  balanceFacts: facts('balanceProblem'),
  parts: z.number().int(),
  linesAdded: z.number().int(),
  linesSkipped: z.number().int(),
  matched: z.number().int(),
  suggested: z.number().int(),
  unmatched: z.number().int(),
  gaps: z.array(z.string()),
  gapFacts: facts('gaps'),
  notes: z.array(z.string()),
  noteFacts: facts('notes'),
});

const importResultSchema = z
  .object({
    fileName: z.string(),
    format: z.enum(statementFormats),
    fileSha256: z.string(),
    statements: z.array(importedStatementSchema),
    alreadyImported: z
      .array(
        z.object({
          bankAccountRef: z.string().nullable(),
          statementRef: z.string().nullable(),
          lines: z.number().int(),
        }),
      )
      .describe('Statements of the file imported before (every line known): not recorded again'),
  })
  .meta({ id: 'StatementImportResult' });

const statementSchema = z
  .object({
    id: z.uuid(),
    account: z.string(),
    accountCode: z.string(),
    format: z.enum(statementFormats),
    fileName: z.string(),
    fileSha256: z.string(),
    statementRef: z.string().nullable(),
    bankAccountRef: z.string().nullable(),
    currency: z.string(),
    fromDay: z.string().nullable(),
    toDay: z.string().nullable(),
    opening: decimal.nullable(),
    closing: decimal.nullable(),
    balanceCheck,
    balanceProblem: z.string().nullable(),
    balanceFacts: facts('balanceProblem')
      .nullable()
      .describe('balanceProblem as facts; null for a statement imported before they were kept'),
    gaps: z.array(z.string()),
    gapFacts: facts('gaps'),
    linesAdded: z.number().int(),
    linesSkipped: z.number().int(),
    lines: z.object({
      unmatched: z.number().int(),
      suggested: z.number().int(),
      matched: z.number().int(),
      ignored: z.number().int(),
    }),
    importedAt: z.date(),
  })
  .meta({ id: 'BankStatement' });

/**
 * A proposed match waiting in the review queue (statements/matching.ts `Suggestion`), or, on a
 * line matched at import, why it was (importStatement's `suggestionJson`).
 */
// Why, as a fact for the reader's language; suggestions stored before facts have none.
const reasonFact = matchFactSchema.optional();

const suggestionSchema = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('entry'),
      entryId: z.uuid(),
      entryNumber: z.number().int(),
      // Suggestions stored before these were recorded lack them.
      entryDescription: z.string().optional(),
      alternatives: z.number().int().optional(),
      reason: z.string(),
      reasonFact,
    }),
    z.object({
      type: z.literal('sponsor-payment'),
      organizationId: z.uuid(),
      organizationName: z.string(),
      reason: z.string(),
      reasonFact,
    }),
    z.object({
      type: z.literal('expense-claim'),
      claimId: z.uuid(),
      claimTitle: z.string(),
      reason: z.string(),
      reasonFact,
    }),
    z.object({ type: z.literal('matched'), reason: z.string(), reasonFact }),
    z.object({
      type: z.literal('invoice-payment'),
      invoiceId: z.uuid(),
      invoiceNumber: z.string(),
      sure: z.boolean(),
      reason: z.string(),
      reasonFact,
    }),
    z.object({
      type: z.literal('salary'),
      personId: z.uuid(),
      account: z.string(),
      reason: z.string(),
      reasonFact,
    }),
  ])
  .meta({ id: 'BankLineSuggestion' });

const bankLineSchema = z
  .object({
    id: z.uuid(),
    statementId: z.uuid(),
    account: z.string(),
    bookedOn: z.string(),
    valueOn: z.string().nullable(),
    amount: decimal,
    amountMinor: z.string(),
    currency: z.string(),
    counterparty: z.string(),
    counterpartyAccount: z.string(),
    description: z.string(),
    bankReference: z.string().nullable(),
    status: z.enum(bankLineStatuses),
    suggestion: storedJson(suggestionSchema.nullable()),
    matchedEntryId: z.uuid().nullable(),
    matchedAt: z.date().nullable(),
  })
  .meta({ id: 'BankLine' });

const posted = z.object({ id: z.uuid(), number: z.number().int() });
const lineParams = z.object({ id: z.uuid() });

/** Bank statements: import, the review queue of their lines, and saved CSV mappings. */
export function statementRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['finance'];
  const ctxOf = (request: Parameters<typeof commandContext>[1]) => commandContext(deps, request);
  const reader = (request: Parameters<typeof commandContext>[1]) => {
    const ctx = ctxOf(request);
    // Bank lines name who was paid what: officers only, like journal entries.
    authorize(ctx.actor, financePolicy.readEntries, undefined, 'Bank statements are for officers.');
    return ctx;
  };

  app.post(
    '/api/ledger/statements',
    {
      schema: {
        operationId: 'importStatement',
        tags,
        summary: 'Import a bank statement file (CAMT.053, MT940, OFX or CSV with a saved mapping)',
        description:
          'The same file twice is refused (409); lines already imported from an overlapping statement are skipped. A statement whose own balances do not add up is refused (422) with its figures unless acceptMismatch is true. New lines are matched: by reference, else suggested by amount and date, or as a sponsor payment by the payer’s name.',
        body: importStatementInputSchema,
        response: { 201: importResultSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await runCommand(importStatement, request.body, ctxOf(request))),
  );

  app.get(
    '/api/ledger/statements',
    {
      schema: {
        operationId: 'listStatements',
        tags,
        summary: 'Imported statements per bank account, with balance checks and gaps',
        querystring: z.object({ account: z.string().max(200).optional() }),
        response: { 200: z.object({ statements: z.array(statementSchema) }) },
      },
    },
    async (request) => ({
      statements: await listStatements(db, reader(request).actor.coopId, request.query),
    }),
  );

  app.get(
    '/api/ledger/bank-lines',
    {
      schema: {
        operationId: 'listBankLines',
        tags,
        summary: 'Bank lines, oldest first: ?status=suggested is the review queue',
        querystring: z.object({
          status: z.enum(bankLineStatuses).optional(),
          account: z.string().max(200).optional(),
          statementId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ lines: z.array(bankLineSchema) }) },
      },
    },
    async (request) => ({
      lines: await listBankLines(db, reader(request).actor.coopId, request.query),
    }),
  );

  app.post(
    '/api/ledger/bank-lines/:id/confirm',
    {
      schema: {
        operationId: 'confirmBankLine',
        tags,
        summary: 'Accept the suggested match (a sponsor payment is posted, with its funding row)',
        params: lineParams,
        body: confirmBankLineInputSchema,
        response: { 200: z.object({ entryId: z.uuid(), number: z.number().int() }), ...problems },
      },
    },
    async (request) =>
      runCommand(
        confirmBankLine,
        { lineId: request.params.id, confirmation: request.body },
        ctxOf(request),
      ),
  );

  app.post(
    '/api/ledger/bank-lines/:id/book',
    {
      schema: {
        operationId: 'bookBankLine',
        tags,
        summary: 'Book the line against an account: posts the entry and marks the line matched',
        params: lineParams,
        body: bookBankLineInputSchema,
        response: { 201: posted, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await runCommand(
            bookBankLine,
            { lineId: request.params.id, booking: request.body },
            ctxOf(request),
          ),
        ),
  );

  app.post(
    '/api/ledger/bank-lines/:id/ignore',
    {
      schema: {
        operationId: 'ignoreBankLine',
        tags,
        summary: 'Take the line out of the review queue without booking it',
        params: lineParams,
        body: ignoreBankLineInputSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await runCommand(
        ignoreBankLine,
        { lineId: request.params.id, ignoring: request.body },
        ctxOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/ledger/csv-mappings',
    {
      schema: {
        operationId: 'saveCsvMapping',
        tags,
        summary: 'Save a bank’s CSV column mapping by name (the same name replaces it)',
        body: csvMappingInputSchema,
        response: { 201: z.object({ id: z.uuid() }), ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await runCommand(saveCsvMapping, request.body, ctxOf(request))),
  );

  app.get(
    '/api/ledger/csv-mappings',
    {
      schema: {
        operationId: 'listCsvMappings',
        summary: 'Saved CSV column mappings per bank',
        tags,
        response: {
          200: z.object({
            mappings: z.array(
              z.object({
                id: z.uuid(),
                name: z.string(),
                account: z.string(),
                accountCode: z.string(),
                mapping: z.record(z.string(), z.unknown()).describe('A CsvMapping'),
                createdAt: z.date(),
              }),
            ),
          }),
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) => ({
      mappings: await listCsvMappings(db, reader(request).actor.coopId),
    }),
  );
}
