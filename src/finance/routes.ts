import { Readable } from 'node:stream';
import { z } from 'zod';
import { commandContext, type App, type AppDeps } from '../platform/http/context.ts';
import { problemSchema } from '../platform/http/problem.ts';
import { fileContent } from '../platform/http/responses.ts';
import { authorize } from '../platform/policy.ts';
import { runCommand } from '../platform/commands.ts';
import {
  lockInputSchema,
  lockPeriod,
  reopenInputSchema,
  reopenPeriod,
} from './commands/lockPeriod.ts';
import { postEntry } from './commands/postEntry.ts';
import { entryInputSchema } from './entryInput.ts';
import { entryFactSchema } from './entryFacts.ts';
import { recordSponsorPayment } from './commands/recordSponsorPayment.ts';
import { sponsorPaymentInputSchema } from './sponsorPaymentInput.ts';
import { reverseEntry } from './commands/reverseEntry.ts';
import { reversalInputSchema } from './reversalInput.ts';
import { settleForeign, settlementInputSchema } from './commands/settleForeign.ts';
import { exportFormats, exportLedger } from './exports.ts';
import { closeYear } from './yearEnd/closeYear.ts';
import { closeYearInputSchema } from './yearEnd/closeYearInput.ts';
import { dividendNotice, dividendNoticePdf, listDividends } from './yearEnd/dividendNotices.ts';
import { dividendDeclared } from './yearEnd/events.ts';
import { loggedEventOf, proofBundleSchema, proofOfEvent } from '../transparency/index.ts';
import { fiscalYears } from './yearEnd/fiscalYears.ts';
import { coopById } from '../coop/queries.ts';
import { financePolicy } from './policy.ts';
import { listEntries, trialBalance, verifyBalances, verifyLocks } from './queries.ts';
import { foldLines, foldedAccounts } from './reports/disclosure.ts';
import { accounts } from './schema.ts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { people } from '../members/schema.ts';
import { organizations } from '../organizations/schema.ts';

const posted = z.object({ id: z.uuid(), number: z.number().int() });
const problems = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const day = z.iso.date();
const minorAmount = z.string().describe('integer minor units, as a decimal string');
/** A step or a share's basis as facts (see yearEnd/dividendMessages.ts), for the reader's language. */
const dividendStepSchema = z
  .object({
    code: z.enum([
      'surplus',
      'reserve',
      'distributable',
      'hackers',
      'sponsors',
      'unclaimed-hackers',
      'unclaimed-sponsors',
      'community-time',
      'community-contributions',
      'community-fund',
    ]),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
  })
  .meta({ id: 'DividendStep' });
const basisPartSchema = z
  .object({
    unit: z.enum(['minutes-worked', 'funding', 'minutes-contributed', 'contributions']),
    weight: z.string().describe('Minutes, minor units of funding, or a count of contributions'),
  })
  .meta({ id: 'DividendBasisPart' });
const shareSchema = z.object({
  id: z.string(),
  basis: z.string(),
  /** Absent from years closed before it was written. */
  basisParts: z.array(basisPartSchema).optional(),
  amountMinor: minorAmount,
  cashMinor: minorAmount,
  retainedMinor: minorAmount,
});
/** A year-end's arithmetic (computeDividends), its amounts as decimal strings of minor units. */
const dividendPlanSchema = z
  .object({
    surplusMinor: minorAmount,
    reserves: z.array(
      z.object({ name: z.string(), percent: z.number(), amountMinor: minorAmount }),
    ),
    distributable: minorAmount,
    classes: z.object({ hackers: minorAmount, sponsors: minorAmount, community: minorAmount }),
    hackers: z.array(shareSchema),
    sponsors: z.array(shareSchema),
    /** Absent from years closed before community patronage existed. */
    community: z.array(shareSchema).optional(),
    communityFund: minorAmount,
    unclaimed: z.object({ hackers: minorAmount, sponsors: minorAmount }),
    steps: z.array(z.string()),
    /** `steps` as facts; absent from years closed before they were written. */
    stepFacts: z.array(dividendStepSchema).optional(),
  })
  .meta({ id: 'DividendPlan' });
/** A dividend notice; its amounts are decimal strings in its currency ("2746.80"). */
const dividendSchema = z
  .object({
    id: z.uuid(),
    fiscalYear: z.number().int(),
    fromDay: day,
    toDay: day,
    currency: z.string(),
    memberClass: z.string(),
    personName: z.string().nullable(),
    organizationName: z.string().nullable(),
    recipient: z.string(),
    locale: z.enum(['en', 'de']).describe('The recipient’s language: the notice PDF’s'),
    surplus: z.string(),
    amount: z.string(),
    cash: z.string(),
    retained: z.string(),
    basis: z.object({
      basis: z.string(),
      steps: z.array(z.string()),
      basisParts: z.array(basisPartSchema).optional(),
      stepFacts: z.array(dividendStepSchema).optional(),
    }),
  })
  .meta({ id: 'DividendNotice' });

export function financeRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;
  const tags = ['finance'];
  const ctxOf = (request: Parameters<typeof commandContext>[1]) => commandContext(deps, request);
  // Entries show each posting, pay included: officers only (see financePolicy.readEntries).
  const entryReader = (request: Parameters<typeof commandContext>[1]) => {
    const ctx = ctxOf(request);
    authorize(
      ctx.actor,
      financePolicy.readEntries,
      undefined,
      'Journal entries are for officers; the reports show the totals.',
    );
    return ctx;
  };
  const reader = (request: Parameters<typeof commandContext>[1]) => {
    const ctx = ctxOf(request);
    authorize(ctx.actor, financePolicy.readBooks, undefined);
    return ctx;
  };

  app.get(
    '/api/ledger/accounts',
    {
      schema: {
        operationId: 'listAccounts',
        summary: 'The chart of accounts',
        tags,
        response: {
          200: z.object({
            accounts: z.array(
              z.object({
                id: z.uuid(),
                code: z.string(),
                path: z.string(),
                type: z.string(),
                parentId: z.uuid().nullable(),
                /** The member or sponsor a capital or receivable account is held for, by name. */
                holder: z.string().nullable(),
              }),
            ),
          }),
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = reader(request);
      const rows = await db
        .select({
          id: accounts.id,
          code: accounts.code,
          path: accounts.path,
          type: accounts.type,
          parentId: accounts.parentId,
          personId: accounts.personId,
          organizationId: accounts.organizationId,
          holder: sql<string | null>`coalesce(${people.displayName}, ${organizations.displayName})`,
        })
        .from(accounts)
        .leftJoin(people, and(eq(people.coopId, accounts.coopId), eq(people.id, accounts.personId)))
        .leftJoin(
          organizations,
          and(
            eq(organizations.coopId, accounts.coopId),
            eq(organizations.id, accounts.organizationId),
          ),
        )
        .where(eq(accounts.coopId, ctx.actor.coopId))
        .orderBy(asc(accounts.code));
      // A member's or an organization's own account (its capital) is listed only to those the
      // reports show it to: officers, and the member or organization it belongs to; the others
      // read it inside its parent, as the balance sheet folds it.
      return {
        accounts: rows
          .filter(
            ({ personId, organizationId }) =>
              (personId === null && organizationId === null) ||
              financePolicy.seeCapitalAccount(ctx.actor, { personId, organizationId }),
          )
          .map(({ personId: _p, organizationId: _o, ...account }) => account),
      };
    },
  );

  app.get(
    '/api/ledger/entries',
    {
      schema: {
        operationId: 'listEntries',
        tags,
        summary: 'Journal entries, newest first; filter by account (code, path or parent path)',
        querystring: z.object({
          account: z.string().max(200).optional(),
          beforeNumber: z.coerce.number().int().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: {
          200: z.object({
            entries: z.array(
              z.object({
                number: z.number().int(),
                id: z.uuid(),
                effective_on: z.string(),
                kind: z.string(),
                description: z.string(),
                /** The description as facts, for the reader's language; null when typed. */
                description_fact: entryFactSchema.nullable(),
                reverses_entry_id: z.uuid().nullable(),
                postings: z.array(
                  z.object({
                    account: z.string(),
                    amount_minor: z.string(),
                    currency: z.string(),
                    coop_amount_minor: z.string(),
                    memo: z.string(),
                    memo_fact: entryFactSchema.nullable(),
                  }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({
      entries: await listEntries(db, entryReader(request).actor.coopId, request.query),
    }),
  );

  app.post(
    '/api/ledger/entries',
    {
      schema: {
        operationId: 'postEntry',
        tags,
        summary: 'Post a balanced journal entry (debits positive)',
        body: entryInputSchema,
        response: { 201: posted, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await runCommand(postEntry, request.body, ctxOf(request))),
  );

  app.post(
    '/api/ledger/entries/:id/reverse',
    {
      schema: {
        operationId: 'reverseEntry',
        summary: 'Reverse a posted entry with a linked entry (once)',
        tags,
        params: z.object({ id: z.uuid() }),
        body: reversalInputSchema,
        response: { 201: posted, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await runCommand(
            reverseEntry,
            { entryId: request.params.id, reversal: request.body },
            ctxOf(request),
          ),
        ),
  );

  app.post(
    '/api/ledger/sponsor-payments',
    {
      schema: {
        operationId: 'recordSponsorPayment',
        tags,
        summary: 'Book a sponsor payment; it also weights the sponsor’s vote',
        body: sponsorPaymentInputSchema,
        response: { 201: posted, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await runCommand(recordSponsorPayment, request.body, ctxOf(request))),
  );

  app.post(
    '/api/ledger/settlements',
    {
      schema: {
        operationId: 'settleForeignCurrency',
        tags,
        summary:
          'Settle a foreign-currency receivable or payable, booking the realised exchange gain or loss',
        body: settlementInputSchema,
        response: { 201: posted.extend({ realisedMinor: z.string() }), ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await runCommand(settleForeign, request.body, ctxOf(request))),
  );

  app.post(
    '/api/ledger/period-locks',
    {
      schema: {
        operationId: 'lockPeriod',
        tags,
        summary: 'Close a period (a month or a year)',
        body: lockInputSchema,
        response: { 201: z.object({ id: z.uuid() }), ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await runCommand(lockPeriod, request.body, ctxOf(request))),
  );

  app.post(
    '/api/ledger/period-locks/:id/reopen',
    {
      schema: {
        operationId: 'reopenPeriod',
        summary: 'Reopen a locked period, with a reason (the chief economist)',
        tags,
        params: z.object({ id: z.uuid() }),
        body: reopenInputSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await runCommand(
        reopenPeriod,
        { lockId: request.params.id, reopening: request.body },
        ctxOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/reports/trial-balance',
    {
      schema: {
        operationId: 'getTrialBalance',
        tags,
        summary: 'Balances at the end of a day, debits positive, per account and currency',
        querystring: z.object({ at: day.optional() }),
        response: {
          200: z.object({
            at: z.string(),
            accounts: z.array(
              z.object({ account: z.string(), currency: z.string(), balance_minor: z.number() }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const ctx = reader(request);
      const at = request.query.at ?? deps.clock.today();
      // Other members' capital accounts show as their parent's line, as in the balance sheet.
      const rows = foldLines(
        await trialBalance(db, ctx.actor.coopId, at),
        await foldedAccounts(db, ctx.actor),
        (a, b) => ({
          ...a,
          balance_minor: String(BigInt(a.balance_minor) + BigInt(b.balance_minor)),
        }),
        (a, b) => a.account === b.account && a.currency === b.currency,
      );
      return { at, accounts: rows.map((r) => ({ ...r, balance_minor: Number(r.balance_minor) })) };
    },
  );

  app.get(
    '/api/ledger/verify',
    {
      schema: {
        operationId: 'verifyLedger',
        tags,
        summary:
          'Recompute every kept balance from the postings and list differences; list entries recorded inside a locked period after its lock',
        response: {
          200: z.object({
            ok: z.boolean(),
            differences: z.array(
              z.object({
                table: z.enum(['monthly_balances', 'daily_balances']),
                account: z.string(),
                currency: z.string(),
                period: z.string(),
                kept: z.string(),
                recomputed: z.string(),
              }),
            ),
            lockedPeriods: z.array(
              z.object({
                entryNumber: z.number().int(),
                effectiveOn: z.string(),
                period: z.string(),
                problem: z.string(),
              }),
            ),
          }),
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = reader(request);
      const differences = await verifyBalances(db, ctx.actor.coopId);
      const lockedPeriods = await verifyLocks(db, ctx.actor.coopId);
      return {
        ok: differences.length === 0 && lockedPeriods.length === 0,
        differences,
        lockedPeriods,
      };
    },
  );

  app.get(
    '/api/ledger/export',
    {
      schema: {
        operationId: 'exportLedger',
        tags,
        summary: 'The ledger as an hledger journal, a Beancount file or CSV',
        querystring: z.object({
          format: z.enum(exportFormats),
          from: day.optional(),
          to: day.optional(),
        }),
        response: {
          200: {
            description: 'The journal as a file',
            content: fileContent('text/plain', 'text/csv'),
          },
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      authorize(
        ctx.actor,
        financePolicy.readEntries,
        undefined,
        'Exports are for officers; the reports show the totals.',
      );
      const { format, from, to } = request.query;
      const extension =
        format === 'hledger' ? 'journal' : format === 'beancount' ? 'beancount' : 'csv';
      return reply
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="ledger.${extension}"`)
        .send(Readable.from(exportLedger(db, ctx.actor.coopId, format, { from, to })));
    },
  );

  app.get(
    '/api/ledger/year-end',
    {
      schema: {
        operationId: 'listFiscalYears',
        tags,
        summary:
          'The fiscal years a close can apply to, from the first the co-op kept books in to the current one',
        response: {
          200: z.object({
            years: z.array(
              z
                .object({
                  fiscalYear: z.number().int(),
                  fromDay: z.iso.date(),
                  toDay: z.iso.date(),
                  status: z.enum(['closed', 'ended', 'current']),
                })
                .meta({ id: 'FiscalYearStanding' }),
            ),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(
        ctx.actor,
        financePolicy.keepBooks,
        undefined,
        'The chief economist closes the year.',
      );
      return { years: await fiscalYears(db, ctx.actor.coopId, deps.clock) };
    },
  );

  app.post(
    '/api/ledger/year-end',
    {
      schema: {
        operationId: 'closeYear',
        tags,
        summary:
          'Close a fiscal year: reserves, dividends by patronage, the year locked (dryRun shows it all first)',
        body: closeYearInputSchema,
        response: {
          200: z.object({
            dryRun: z.boolean(),
            fiscalYear: z.number().int(),
            fromDay: z.string(),
            toDay: z.string(),
            currency: z.string(),
            bylaws: z
              .object({ version: z.number().int(), effectiveOn: z.iso.date() })
              .describe('The bylaws in force on the last day of the year, whose rates count it'),
            plan: dividendPlanSchema,
            names: z.record(z.string(), z.string()),
            entries: z.array(posted),
          }),
          ...problems,
        },
      },
    },
    async (request) => runCommand(closeYear, request.body, ctxOf(request)),
  );

  app.get(
    '/api/ledger/dividends',
    {
      schema: {
        operationId: 'listDividends',
        tags,
        summary: 'Dividend notices: your own (or your organization’s); officers see all',
        response: {
          200: z.object({ dividends: z.array(dividendSchema) }),
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, financePolicy.readBooks, undefined);
      const rows = await listDividends(db, ctx.actor);
      return {
        dividends: rows.map(
          ({ surplusMinor: _s, amountMinor: _a, cashMinor: _c, retainedMinor: _r, ...rest }) =>
            rest,
        ),
      };
    },
  );

  app.get(
    '/api/ledger/dividends/:id/notice.pdf',
    {
      schema: {
        operationId: 'getDividendNotice',
        tags,
        summary: 'A dividend notice as PDF',
        params: z.object({ id: z.uuid() }),
        response: {
          200: { description: 'The notice', content: fileContent('application/pdf') },
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, financePolicy.readBooks, undefined);
      const pdf = await dividendNoticePdf(
        db,
        ctx.actor,
        (await coopById(db, ctx.actor.coopId)).name,
        request.params.id,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="dividend-notice.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/api/ledger/dividends/:id/proof',
    {
      schema: {
        operationId: 'getDividendProof',
        tags,
        summary:
          'A dividend notice with its proof of inclusion in the transparency log (`coop log check`)',
        params: z.object({ id: z.uuid() }),
        response: {
          200: proofBundleSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, financePolicy.readBooks, undefined);
      // Whoever may read the notice may have its record in the file, and no one else: the
      // transparency log's own route leaves it out for every member.
      const { id } = await dividendNotice(db, ctx.actor, request.params.id);
      const coopId = ctx.actor.coopId;
      const bundle = await proofOfEvent(
        db,
        coopId,
        await loggedEventOf(db, coopId, `${dividendDeclared.name}:${id}`),
        { withRecord: true, publicUrl: deps.config.publicUrl },
      );
      return reply
        .header(
          'content-disposition',
          `attachment; filename="dividend-proof-${bundle.leafIndex}.json"`,
        )
        .send(bundle);
    },
  );
}
