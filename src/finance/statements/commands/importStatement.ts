import { createHash, randomUUID } from 'node:crypto';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/db/rows.ts';
import { z } from 'zod';
import {
  defineCommand,
  runCommand,
  type CommandContext,
  type RunContext,
} from '../../../platform/commands.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { addDays } from '../../../platform/dates.ts';
import { isUniqueViolation } from '../../../platform/db/errors.ts';
import { AppError, badRequest, conflict, type FieldError } from '../../../platform/errors.ts';
import { financePolicy } from '../../policy.ts';
import { statementImported } from '../events.ts';
import { resolveAccounts, type Account } from '../../repository.ts';
import { accounts, bankStatements } from '../../schema.ts';
import { invoiceCandidates } from '../../../invoicing/bankMatching.ts';
import { createMatcher, type MatchCandidates, type MatchOutcome } from '../matching.ts';
import { confirmBankLine } from './confirmBankLine.ts';
import { minorToDecimal } from '../parsers/amounts.ts';
import { decodeStatementBytes } from '../parsers/decode.ts';
import { detectFormat, parseStatementFile } from '../parsers/index.ts';
import {
  accountStatementSpans,
  claimCandidates,
  entryCandidates,
  existingDedupeKeys,
  findCsvMapping,
  gapsAround,
  organizationCandidates,
  payeeCandidates,
} from '../queries.ts';
import { factEnglish, labelOf, type StatementFact } from '../facts.ts';
import {
  checkBalance,
  dedupeKeys,
  gapEnglish,
  gapFacts,
  type BalanceCheck,
  type BalanceStatus,
} from '../reconcile.ts';
import { StatementFileError, type ParsedStatement, type StatementFormat } from '../types.ts';
import { importStatementInputSchema } from '../importInput.ts';

export type ImportStatementInput = z.input<typeof importStatementInputSchema>;

export interface ImportedStatement {
  id: string;
  account: string;
  accountCode: string;
  bankAccountRef: string | null;
  statementRef: string | null;
  currency: string;
  fromDay: string | null;
  toDay: string | null;
  opening: string | null;
  closing: string | null;
  balanceCheck: BalanceStatus;
  balanceProblem: string | null;
  /** `balanceProblem` as facts: the web words them (src/finance/statements/facts.ts). */
  balanceFacts: StatementFact[];
  /** How many statements of the file this is (MT940 parts chained by 62M/60M...). */
  parts: number;
  linesAdded: number;
  linesSkipped: number;
  matched: number;
  suggested: number;
  unmatched: number;
  gaps: string[];
  /** `gaps` as facts, one per thing missing; a gap inside the file names its statement. */
  gapFacts: StatementFact[];
  notes: string[];
  noteFacts: StatementFact[];
}

export interface ImportResult {
  fileName: string;
  format: StatementFormat;
  fileSha256: string;
  statements: ImportedStatement[];
  /** The file's statements that were imported before (every line known): not recorded again. */
  alreadyImported: { bankAccountRef: string | null; statementRef: string | null; lines: number }[];
}

interface Group {
  bankAccountRef: string | null;
  parts: { statement: ParsedStatement; check: BalanceCheck; index: number }[];
}

/** What a line's `suggestion` keeps: the proposal, or why it was matched. */
const suggestionJson = (o: MatchOutcome): string | null =>
  o.status === 'unmatched'
    ? null
    : JSON.stringify(
        o.status === 'suggested'
          ? o.suggestion
          : { type: 'matched', reason: o.reason, reasonFact: o.reasonFact },
      );

const worst = (statuses: BalanceStatus[]): BalanceStatus =>
  statuses.includes('mismatch') ? 'mismatch' : statuses.includes('unknown') ? 'unknown' : 'ok';

/** A balance fact's figures as a field error's params: lists joined, the lines' sum added. */
function factField(fact: StatementFact): Pick<FieldError, 'code' | 'params'> {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(fact.params))
    params[name] = Array.isArray(value) ? value.join(', ') : value;
  if (fact.code !== 'does-not-add-up') return { code: `statement.${fact.code}`, params };
  params.linesMinor = (BigInt(params.computedMinor!) - BigInt(params.openingMinor!)).toString();
  // A CSV's balances are a column before or after a line; a bank's, their codes (OPBD, 62F).
  const csv = params.openingColumn !== undefined;
  return { code: csv ? 'statement.does-not-add-up-csv' : 'statement.does-not-add-up', params };
}

/**
 * Why a statement of the file does not reconcile, as field errors the web words in the member's
 * language with its money format: at `/statements/{index}` its English as before, with the
 * first fact's code and figures (the opening balance, the lines' sum, credits and debits, what
 * they make, the closing balance, the difference, the currency; or a running balance that does
 * not follow); each further fact (a running balance, lines in another currency) at
 * `/statements/{index}/problems/{k}`.
 */
function mismatchErrors(index: number, check: BalanceCheck): FieldError[] {
  const [first, ...more] = check.problemFacts;
  const pointer = `/statements/${index}`;
  if (!first) return [{ pointer, message: check.problem! }];
  return [
    { pointer, message: check.problem!, ...factField(first) },
    ...more.map((fact, k) => ({
      pointer: `${pointer}/problems/${k + 1}`,
      message: factEnglish({ ...fact, statement: undefined }),
      ...factField(fact),
    })),
  ];
}

const fileProblem = (error: StatementFileError) =>
  badRequest(
    error.message,
    error.problems.map((p) => ({
      pointer: p.pointer,
      message: p.message,
      ...(p.code ? { code: p.code, params: p.params ?? {} } : {}),
    })),
  ).because('statement.unreadable', { count: error.problems.length });

/**
 * Imports a bank statement file (CAMT.053, MT940, OFX, CSV) in one transaction. The same file
 * twice is refused by its hash; lines already imported (an overlapping statement) are skipped
 * by their dedupe key, and a statement all of whose lines are known (a copy of the file, byte
 * different) is not recorded again: a file of nothing but such copies is refused. A statement whose own balances do not add up is refused with its
 * figures, unless `acceptMismatch`. Each new line is matched to what it settles: a sure match
 * links it to its entry, an unsure one waits in the review queue as a suggestion.
 */
export const importStatement = defineCommand({
  name: 'finance.importStatement',
  input: importStatementInputSchema,
  policy: financePolicy.keepBooks,
  denied: 'The chief economist keeps the books.',
  events: [statementImported],
  prepare: readStatementFile,
  async run(tx, input, ctx, { mapping, parsed, groups, fileSha256, keysByGroup }) {
    const coopId = ctx.coopId;
    const [already] = await tx
      .select({
        importedAt: bankStatements.importedAt,
        fileName: bankStatements.fileName,
        linesAdded: bankStatements.linesAdded,
      })
      .from(bankStatements)
      .where(and(eq(bankStatements.coopId, coopId), eq(bankStatements.fileSha256, fileSha256)))
      .limit(1);
    if (already)
      throw conflict(
        `This file was already imported (as ${already.fileName}, on ${already.importedAt.toISOString().slice(0, 10)}, ${already.linesAdded} line(s) added): nothing was imported again.`,
        [{ pointer: '/content', message: 'already imported' }],
      ).because('statement.imported', { fileName: already.fileName });

    const ledgerAccounts = await resolveLedgerAccounts(tx, coopId, groups, input, mapping);
    // Imports into one bank account take turns, in account order (no deadlock between files of
    // several accounts): what is already imported is then read after the previous import
    // committed, so a copy of a statement finds its lines and its record, and adds neither.
    for (const id of ledgerAccounts.map((a) => a.id).sort())
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtextextended(${`bank-statements:${id}`}, 0))`,
      );
    const allDays = parsed.statements.flatMap((st) => st.lines.map((l) => l.bookedOn)).sort();
    const others = {
      organizations: await organizationCandidates(tx, coopId),
      claims: await claimCandidates(tx, coopId),
      ...(await payeeCandidates(tx, coopId, allDays[0] ?? '1970-01-01')),
      invoices: await invoiceCandidates(tx, coopId),
    };
    const statements: ImportedStatement[] = [];
    const alreadyImported: ImportResult['alreadyImported'] = [];
    for (const [g, group] of groups.entries()) {
      const imported = await importGroup(tx, ctx, {
        group,
        account: ledgerAccounts[g]!,
        keys: keysByGroup[g]!,
        others,
        fileName: input.fileName,
        format: parsed.format,
        fileSha256,
      });
      if ('duplicate' in imported) alreadyImported.push(imported.duplicate);
      else statements.push(imported);
    }
    if (statements.length === 0)
      throw conflict(
        `This statement was already imported (${alreadyImported
          .map((d) => [d.bankAccountRef, d.statementRef].filter(Boolean).join(' ') || 'its lines')
          .join('; ')}): every line of it is in the books, and nothing was imported again.`,
        [{ pointer: '/content', message: 'already imported' }],
      ).because('statement.imported');
    return {
      fileName: input.fileName,
      format: parsed.format,
      fileSha256,
      statements,
      alreadyImported,
    };
  },
  // The same file imported twice at the same moment: the second one loses on the file index.
  mapError: (error) =>
    isUniqueViolation(error)
      ? conflict('This file is being imported already: nothing was imported again.', [
          { pointer: '/content', message: 'already imported' },
        ]).because('statement.importing')
      : error,
});

/** Reading, parsing, checking and hashing: before the transaction opens. */
async function readStatementFile(
  input: z.output<typeof importStatementInputSchema>,
  ctx: CommandContext,
) {
  const coopId = ctx.actor.coopId;
  const content =
    input.content ??
    decodeStatementBytes(Buffer.from(input.contentBase64!, 'base64'), input.charset).text;
  let mapping: Awaited<ReturnType<typeof findCsvMapping>>;
  let parsed: ReturnType<typeof parseStatementFile>;
  try {
    const format = input.format ?? detectFormat(input.fileName, content);
    if (format === 'csv') {
      // Without a name, the one mapping saved for the named account will do.
      const account =
        !input.mapping && typeof input.account === 'string'
          ? (
              await resolveAccounts(ctx.db, coopId, [{ name: input.account, pointer: '/account' }])
            ).get(input.account)
          : undefined;
      mapping =
        input.mapping || account
          ? await findCsvMapping(ctx.db, coopId, { name: input.mapping, accountId: account?.id })
          : undefined;
      if (!mapping)
        throw badRequest(
          input.mapping
            ? `No saved CSV mapping is called “${input.mapping}”.`
            : 'A CSV statement needs its column mapping: choose a saved one.',
          [
            {
              pointer: '/mapping',
              message: input.mapping ? 'no such mapping' : 'required for CSV',
            },
          ],
        ).because(
          input.mapping ? 'csv-mapping.unknown' : 'csv-mapping.needed',
          input.mapping ? { mapping: input.mapping } : {},
        );
    }
    parsed = parseStatementFile(input.fileName, content, {
      format: format ?? undefined,
      mapping: mapping?.mapping,
    });
  } catch (error) {
    if (error instanceof StatementFileError) throw fileProblem(error);
    throw error;
  }

  const groups: Group[] = [];
  parsed.statements.forEach((statement, index) => {
    const check = checkBalance(statement);
    let group = groups.find((g) => g.bankAccountRef === statement.bankAccountRef);
    if (!group) {
      group = { bankAccountRef: statement.bankAccountRef, parts: [] };
      groups.push(group);
    }
    group.parts.push({ statement, check, index });
  });
  const mismatches = groups.flatMap((g) => g.parts.filter((p) => p.check.status === 'mismatch'));
  if (mismatches.length > 0 && !input.acceptMismatch)
    throw new AppError(
      422,
      'statement-does-not-reconcile',
      'Statement does not reconcile',
      `${input.fileName}: ${mismatches.map((m) => m.check.problem).join('; ')}. Nothing was imported: check the file with the bank, or import it flagged as a mismatch.`,
      mismatches.flatMap((m) => mismatchErrors(m.index, m.check)),
    ).because('statement.does-not-reconcile', { fileName: input.fileName });

  const fileSha256 = createHash('sha256').update(content).digest('hex');
  const keysByGroup = groups.map((g) => dedupeKeys(g.parts.flatMap((p) => p.statement.lines)));

  return { mapping, parsed, groups, fileSha256, keysByGroup };
}

/** The ledger account of each bank account in the file: named, remembered, or the mapping's. */
async function resolveLedgerAccounts(
  tx: Tx,
  coopId: string,
  groups: Group[],
  input: z.infer<typeof importStatementInputSchema>,
  mapping: { accountId: string; name: string } | undefined,
): Promise<Account[]> {
  const refs = groups.map((g) => g.bankAccountRef);
  const named = (ref: string | null) =>
    typeof input.account === 'string'
      ? input.account
      : ref !== null
        ? input.account?.[ref]
        : undefined;
  const problems: FieldError[] = [];
  if (typeof input.account === 'string' && groups.length > 1)
    throw badRequest(
      `The file holds statements for ${groups.length} bank accounts (${refs.join(', ')}): name the ledger account of each one.`,
      [{ pointer: '/account', message: 'one ledger account per bank account' }],
    ).because('statement.several-accounts', { bankAccounts: refs.join(', ') });
  if (typeof input.account === 'object')
    for (const key of Object.keys(input.account))
      if (!refs.includes(key))
        problems.push({
          pointer: `/account/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
          message: `the file has no statement for ${key} (it has ${refs.join(', ')})`,
          code: 'statement.no-such-bank-account',
          params: { bankAccount: key, bankAccounts: refs.join(', ') },
        });
  const names = groups.flatMap((g) => {
    const name = named(g.bankAccountRef);
    return name ? [{ name, pointer: '/account' }] : [];
  });
  const byName = await resolveAccounts(tx, coopId, names);
  const mappingRow = mapping ? await accountById(tx, coopId, mapping.accountId) : undefined;
  const chosen: Account[] = [];
  for (const group of groups) {
    const ref = group.bankAccountRef;
    const explicit = named(ref) ? byName.get(named(ref)!) : undefined;
    const remembered = ref === null ? undefined : await rememberedAccount(tx, coopId, ref);
    if (explicit && remembered && remembered.id !== explicit.id) {
      throw conflict(
        `Bank account ${ref} was imported into ${remembered.path} (${remembered.code}) before, not ${explicit.path}: a bank account keeps its ledger account, or its lines would be counted twice.`,
        [{ pointer: '/account', message: `${ref} belongs to ${remembered.code}` }],
      ).because('statement.account-kept', {
        bankAccount: ref ?? '',
        account: remembered.path,
        chosen: explicit.path,
      });
    }
    const account = explicit ?? mappingRow ?? remembered;
    if (!account) {
      problems.push({
        pointer: '/account',
        message: ref
          ? `which ledger account is bank account ${ref}? Choose it: no statement of it was imported before`
          : 'choose the ledger account of the statement',
        ...(ref
          ? { code: 'statement.which-account', params: { bankAccount: ref } }
          : { code: 'statement.choose-account' }),
      });
      continue;
    }
    if (account.type !== 'asset' || account.archivedAt)
      problems.push({
        pointer: '/account',
        message: `${account.path} is ${account.archivedAt ? 'archived' : `an ${account.type} account`}: a bank statement belongs to an asset account such as assets:bank:operating`,
        ...(account.archivedAt
          ? { code: 'account.archived', params: { account: account.path } }
          : {
              code: 'account.wrong-type',
              params: {
                account: account.path,
                accountType: account.type,
                wantedAccountType: 'asset',
              },
            }),
      });
    if (chosen.some((c) => c.id === account.id))
      problems.push({
        pointer: '/account',
        message: `two bank accounts of the file cannot share ${account.path}`,
        code: 'statement.account-shared',
        params: { account: account.path },
      });
    chosen.push(account);
  }
  if (problems.length > 0)
    throw badRequest(problems.map((p) => p.message).join('; '), problems).because(
      'statement.accounts',
      { count: problems.length },
    );
  return chosen;
}

async function accountById(tx: Tx, coopId: string, id: string): Promise<Account | undefined> {
  const [row] = await tx
    .select()
    .from(accounts)
    .where(and(eq(accounts.coopId, coopId), eq(accounts.id, id)));
  return row;
}

async function rememberedAccount(tx: Tx, coopId: string, bankAccountRef: string) {
  const [row] = await tx
    .select({ accountId: bankStatements.accountId })
    .from(bankStatements)
    .where(
      and(
        eq(bankStatements.coopId, coopId),
        isNotNull(bankStatements.bankAccountRef),
        eq(bankStatements.bankAccountRef, bankAccountRef),
      ),
    )
    .orderBy(desc(bankStatements.importedAt))
    .limit(1);
  return row ? accountById(tx, coopId, row.accountId) : undefined;
}

async function importGroup(
  tx: Tx,
  ctx: RunContext,
  args: {
    group: Group;
    account: Account;
    keys: string[];
    others: Omit<MatchCandidates, 'entries'>;
    fileName: string;
    format: StatementFormat;
    fileSha256: string;
  },
): Promise<ImportedStatement | { duplicate: ImportResult['alreadyImported'][number] }> {
  const { group, account, keys } = args;
  const coopId = ctx.coopId;
  const parts = group.parts;
  const first = parts[0]!;
  const last = parts.at(-1)!;
  const currency = first.statement.currency;
  const lines = parts.flatMap((p) => p.statement.lines);
  const days = parts.flatMap((p) => [p.statement.fromDay, p.statement.toDay]).filter(Boolean);
  const fromDay = (days as string[]).reduce<string | null>(
    (a, d) => (a === null || d < a ? d : a),
    null,
  );
  const toDay = (days as string[]).reduce<string | null>(
    (a, d) => (a === null || d > a ? d : a),
    null,
  );
  const refs = [...new Set(parts.map((p) => p.statement.statementRef).filter(Boolean))] as string[];
  const statementRef =
    refs.length === 0
      ? null
      : refs.length <= 3
        ? refs.join(', ')
        : `${refs[0]} … ${refs.at(-1)} (${refs.length} parts)`;
  const openingMinor = first.check.openingMinor;
  const closingMinor = last.check.closingMinor;
  const balanceCheck = worst(parts.map((p) => p.check.status));
  const problems = parts.map((p) => p.check.problem).filter((p): p is string => !!p);
  const checkNotes = parts.map((p) => p.check.note).filter((n): n is string => !!n);
  const balanceProblem =
    balanceCheck === 'mismatch'
      ? problems.join('; ')
      : balanceCheck === 'unknown'
        ? checkNotes.join('; ')
        : null;
  const checkNoteFacts = parts.flatMap((p) => p.check.noteFacts);
  const balanceFacts =
    balanceCheck === 'mismatch'
      ? parts.flatMap((p) => p.check.problemFacts)
      : balanceCheck === 'unknown'
        ? checkNoteFacts
        : [];

  // Gaps: between the file's parts, and against the account's statements already imported.
  const gaps: StatementFact[][] = [];
  for (let i = 1; i < parts.length; i++) {
    const prev = parts[i - 1]!;
    const next = parts[i]!;
    const gap = gapFacts(
      {
        ...prev.statement,
        openingMinor: prev.check.openingMinor,
        closingMinor: prev.check.closingMinor,
      },
      {
        ...next.statement,
        openingMinor: next.check.openingMinor,
        closingMinor: next.check.closingMinor,
      },
    );
    // Inside a file, a gap names the part it comes before.
    if (gap.length > 0) gaps.push(gap.map((f) => ({ ...f, statement: labelOf(next.statement) })));
  }
  const span = { statementRef, fromDay, toDay, currency, openingMinor, closingMinor };
  const stored = await accountStatementSpans(tx, coopId, account.id);
  const duplicate = {
    duplicate: { bankAccountRef: group.bankAccountRef, statementRef, lines: lines.length },
  };
  // A statement without lines is a copy when the account has one with the same figures.
  if (
    lines.length === 0 &&
    stored.some(
      (o) =>
        o.statementRef === statementRef &&
        o.fromDay === fromDay &&
        o.toDay === toDay &&
        o.openingMinor === openingMinor &&
        o.closingMinor === closingMinor,
    )
  )
    return duplicate;
  gaps.push(...gapsAround(stored, span));

  // Lines already imported (an overlapping statement) are skipped; the rest are matched.
  const existing = await existingDedupeKeys(tx, coopId, account.id, keys);
  const fresh = lines.flatMap((line, i) =>
    existing.has(keys[i]!) ? [] : [{ line, key: keys[i]! }],
  );
  const outcomes: MatchOutcome[] = [];
  if (fresh.length > 0) {
    const booked = fresh.map((f) => f.line.bookedOn).sort();
    const window = addDays;
    const match = createMatcher({
      ...args.others,
      entries: await entryCandidates(
        tx,
        coopId,
        account.id,
        window(booked[0]!, -90),
        window(booked.at(-1)!, 30),
      ),
    });
    for (const f of fresh) outcomes.push(match(f.line));
  }

  const gapTexts = gaps.map(gapEnglish);
  const noteFacts = [
    ...parts.flatMap((p) => p.statement.notes),
    ...(balanceCheck === 'ok' ? checkNoteFacts : []),
  ];

  const statementId = randomUUID();
  const now = ctx.clock.now();
  let added = 0;
  // One statement per chunk, one array parameter per column (unnest): the rows' values never
  // pass through the query builder one by one, which is what 100,000 lines cost most.
  for (let i = 0; i < fresh.length; i += 5000) {
    const chunk = fresh.slice(i, i + 5000);
    const column = <T>(pick: (f: (typeof chunk)[number], outcome: MatchOutcome) => T) =>
      sql.param(chunk.map((f, j) => pick(f, outcomes[i + j]!)));
    const inserted = await queryRows<{ id: string }>(
      tx,
      sql`insert into bank_lines (coop_id, statement_id, account_id, booked_on, value_on, amount_minor,
            currency, counterparty, counterparty_account, description, bank_reference, dedupe_key,
            status, suggestion, matched_entry_id, matched_at)
          select ${coopId}, ${statementId}, ${account.id}, l.booked_on, l.value_on, l.amount_minor,
                 l.currency, l.counterparty, l.counterparty_account, l.description, l.bank_reference,
                 l.dedupe_key, l.status, l.suggestion, l.matched_entry_id,
                 case when l.matched_entry_id is null then null else ${now.toISOString()}::timestamptz end
          from unnest(
            ${column((f) => f.line.bookedOn)}::date[],
            ${column((f) => f.line.valueOn)}::date[],
            ${column((f) => f.line.amountMinor.toString())}::bigint[],
            ${column((f) => f.line.currency)}::char(3)[],
            ${column((f) => f.line.counterparty)}::text[],
            ${column((f) => f.line.counterpartyAccount)}::text[],
            ${column((f) => f.line.description)}::text[],
            ${column((f) => f.line.bankReference)}::text[],
            ${column((f) => f.key)}::text[],
            ${column((_, o) => o.status)}::text[],
            ${column((_, o) => suggestionJson(o))}::jsonb[],
            ${column((_, o) => (o.status === 'matched' ? o.entryId : null))}::uuid[]
          ) as l(booked_on, value_on, amount_minor, currency, counterparty, counterparty_account,
                 description, bank_reference, dedupe_key, status, suggestion, matched_entry_id)
          on conflict (coop_id, account_id, dedupe_key) do nothing
          returning id`,
    );
    added += inserted.length;
  }
  const skipped = lines.length - added;
  // Every line already in the books: a copy of a statement imported before, not a new one.
  if (lines.length > 0 && added === 0) return duplicate;
  await tx.insert(bankStatements).values({
    coopId,
    id: statementId,
    accountId: account.id,
    format: args.format,
    fileName: args.fileName,
    fileSha256: args.fileSha256,
    statementRef,
    bankAccountRef: group.bankAccountRef,
    currency,
    fromDay,
    toDay,
    openingMinor,
    closingMinor,
    balanceCheck,
    balanceProblem,
    balanceFacts,
    linesAdded: added,
    linesSkipped: skipped,
    importedBy: ctx.actor.personId,
  });
  // A line quoting an invoice's creditor reference (or number) with the amount it has open
  // pays it: booked now, through the same confirmation the review queue uses.
  const sureInvoicePayments = await queryRows<{ id: string }>(
    tx,
    sql`select id from bank_lines where coop_id = ${coopId} and statement_id = ${statementId}
          and status = 'suggested' and suggestion->>'type' = 'invoice-payment'
          and suggestion->>'sure' = 'true' order by booked_on, id`,
  );
  for (const { id } of sureInvoicePayments)
    await runCommand(confirmBankLine, { lineId: id }, { ...ctx, tx });
  const isSure = (o: MatchOutcome) =>
    o.status === 'suggested' && o.suggestion.type === 'invoice-payment' && o.suggestion.sure;
  const count = (status: MatchOutcome['status']) =>
    outcomes.filter((o) =>
      status === 'matched'
        ? o.status === 'matched' || isSure(o)
        : status === 'suggested'
          ? o.status === 'suggested' && !isSure(o)
          : o.status === status,
    ).length;
  const result: ImportedStatement = {
    id: statementId,
    account: account.path,
    accountCode: account.code,
    bankAccountRef: group.bankAccountRef,
    statementRef,
    currency,
    fromDay,
    toDay,
    opening: openingMinor === null ? null : minorToDecimal(openingMinor, currency),
    closing: closingMinor === null ? null : minorToDecimal(closingMinor, currency),
    balanceCheck,
    balanceProblem,
    balanceFacts,
    parts: parts.length,
    linesAdded: added,
    linesSkipped: skipped,
    matched: count('matched'),
    suggested: count('suggested'),
    unmatched: count('unmatched'),
    gaps: gapTexts,
    gapFacts: gaps.flat(),
    notes: [
      ...parts.flatMap((p) => p.statement.notes.map(factEnglish)),
      ...(balanceCheck === 'ok' ? checkNotes : []),
    ],
    noteFacts,
  };
  await ctx.emit(statementImported, statementId, {
    fileName: args.fileName,
    format: args.format,
    account: account.path,
    bankAccountRef: group.bankAccountRef,
    statementRef,
    fromDay,
    toDay,
    balanceCheck,
    balanceProblem,
    linesAdded: added,
    linesSkipped: skipped,
    matched: result.matched,
    suggested: result.suggested,
    gaps: gapTexts,
  });
  return result;
}
