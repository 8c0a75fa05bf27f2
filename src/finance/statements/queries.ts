import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { organizations } from '../../organizations/schema.ts';
import type { Executor } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/rows.ts';
import {
  accounts,
  bankLines,
  bankStatements,
  csvMappings,
  expenseClaims,
  type bankLineStatuses,
} from '../schema.ts';
import { csvMappingSchema, type CsvMapping } from './csvMapping.ts';
import type { ClaimCandidate, EntryCandidate, OrganizationCandidate } from './matching.ts';
import { minorToDecimal } from './parsers/amounts.ts';
import type { StatementFact } from './facts.ts';
import { gapEnglish, gapFacts, type StatementSpan } from './reconcile.ts';

/**
 * Entries that moved the bank account between the two days, are neither reversed nor a
 * reversal, and that no bank line has settled or been offered yet: what a new line may settle.
 */
export async function entryCandidates(
  executor: Executor,
  coopId: string,
  accountId: string,
  fromDay: string,
  toDay: string,
): Promise<EntryCandidate[]> {
  const rows = await queryRows<{
    entry_id: string;
    number: number;
    effective_on: string;
    description: string;
    source_type: string | null;
    source_id: string | null;
    currency: string;
    amount_minor: string;
  }>(
    executor,
    sql`select e.id as entry_id, e.number::int as number, e.effective_on::text as effective_on,
               e.description, e.source_type, e.source_id, p.currency,
               sum(p.amount_minor)::text as amount_minor
        from journal_entries e
        join postings p on p.coop_id = e.coop_id and p.entry_id = e.id
        where e.coop_id = ${coopId} and p.account_id = ${accountId}
          and e.effective_on between ${fromDay}::date and ${toDay}::date
          and e.reverses_entry_id is null
          and not exists (select 1 from journal_entries r
                          where r.coop_id = e.coop_id and r.reverses_entry_id = e.id)
          and e.id not in (select b.matched_entry_id from bank_lines b
                           where b.coop_id = ${coopId} and b.matched_entry_id is not null)
          and e.id::text not in (select b.suggestion->>'entryId' from bank_lines b
                                 where b.coop_id = ${coopId} and b.status = 'suggested'
                                   and b.suggestion->>'entryId' is not null)
        group by e.id, e.number, e.effective_on, e.description, e.source_type, e.source_id, p.currency
        having sum(p.amount_minor) <> 0`,
  );
  return rows.map((r) => ({
    entryId: r.entry_id,
    number: r.number,
    effectiveOn: r.effective_on,
    description: r.description,
    sourceType: r.source_type,
    sourceId: r.source_id,
    currency: r.currency.trim(),
    amountMinor: BigInt(r.amount_minor),
  }));
}

/** Approved expense claims not paid yet, and not already offered to another line. */
export async function claimCandidates(
  executor: Executor,
  coopId: string,
): Promise<ClaimCandidate[]> {
  const rows = await executor
    .select({
      id: expenseClaims.id,
      title: expenseClaims.title,
      incurredOn: expenseClaims.incurredOn,
      amountMinor: expenseClaims.amountMinor,
      currency: expenseClaims.currency,
    })
    .from(expenseClaims)
    .where(
      and(
        eq(expenseClaims.coopId, coopId),
        eq(expenseClaims.status, 'approved'),
        isNull(expenseClaims.paidEntryId),
        sql`${expenseClaims.id}::text not in (select b.suggestion->>'claimId' from bank_lines b
              where b.coop_id = ${coopId} and b.status = 'suggested'
                and b.suggestion->>'claimId' is not null)`,
      ),
    );
  return rows.map((r) => ({ ...r, currency: r.currency.trim() }));
}

/** People with a salary in force on or after the day, and the payroll's liability account. */
export async function payeeCandidates(executor: Executor, coopId: string, fromDay: string) {
  const payees = await queryRows<{ person_id: string; display_name: string }>(
    executor,
    sql`select distinct p.id as person_id, p.display_name
        from salaries s join people p on p.coop_id = s.coop_id and p.id = s.person_id
        where s.coop_id = ${coopId} and (s.effective_to is null or s.effective_to >= ${fromDay}::date)`,
  );
  const [payrollAccount] = await executor
    .select({ code: accounts.code, path: accounts.path })
    .from(accounts)
    .where(and(eq(accounts.coopId, coopId), eq(accounts.path, 'liabilities:payables')));
  return {
    payees: payees.map((p) => ({ personId: p.person_id, displayName: p.display_name })),
    payrollAccount: payrollAccount ?? null,
  };
}

export async function organizationCandidates(
  executor: Executor,
  coopId: string,
): Promise<OrganizationCandidate[]> {
  return executor
    .select({
      id: organizations.id,
      legalName: organizations.legalName,
      displayName: organizations.displayName,
    })
    .from(organizations)
    .where(eq(organizations.coopId, coopId));
}

/** Which of these dedupe keys the account already has. */
export async function existingDedupeKeys(
  executor: Executor,
  coopId: string,
  accountId: string,
  keys: string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 5000) {
    const rows = await executor
      .select({ key: bankLines.dedupeKey })
      .from(bankLines)
      .where(
        and(
          eq(bankLines.coopId, coopId),
          eq(bankLines.accountId, accountId),
          inArray(bankLines.dedupeKey, keys.slice(i, i + 5000)),
        ),
      );
    for (const r of rows) found.add(r.key);
  }
  return found;
}

export interface StoredSpan extends StatementSpan {
  id: string;
}

/** The account's statements, oldest first: what a new one is checked against for gaps. */
export async function accountStatementSpans(
  executor: Executor,
  coopId: string,
  accountId: string,
): Promise<StoredSpan[]> {
  const rows = await executor
    .select({
      id: bankStatements.id,
      statementRef: bankStatements.statementRef,
      fromDay: bankStatements.fromDay,
      toDay: bankStatements.toDay,
      currency: bankStatements.currency,
      openingMinor: bankStatements.openingMinor,
      closingMinor: bankStatements.closingMinor,
    })
    .from(bankStatements)
    .where(and(eq(bankStatements.coopId, coopId), eq(bankStatements.accountId, accountId)))
    .orderBy(asc(bankStatements.toDay), asc(bankStatements.importedAt));
  return rows.map((r) => ({ ...r, currency: r.currency.trim() }));
}

/**
 * Gaps around a statement among the account's others: the one before it (the latest ending
 * on or before its first day) and the one after it. A statement overlapping another has no gap
 * to report: its lines already imported were skipped. Each gap as its facts.
 */
export function gapsAround(others: StoredSpan[], span: StatementSpan): StatementFact[][] {
  if (!span.fromDay || !span.toDay) return [];
  const overlapping = others.find(
    (o) => o.fromDay && o.toDay && o.fromDay < span.toDay! && o.toDay > span.fromDay!,
  );
  if (overlapping) return [];
  const before = others.filter((o) => o.toDay && o.toDay <= span.fromDay!).at(-1);
  const after = others.find((o) => o.fromDay && o.fromDay >= span.toDay!);
  return [before ? gapFacts(before, span) : [], after ? gapFacts(span, after) : []].filter(
    (g) => g.length > 0,
  );
}

export async function listStatements(
  executor: Executor,
  coopId: string,
  options: { account?: string | undefined } = {},
) {
  const rows = await executor
    .select({
      id: bankStatements.id,
      accountId: bankStatements.accountId,
      accountCode: accounts.code,
      accountPath: accounts.path,
      format: bankStatements.format,
      fileName: bankStatements.fileName,
      fileSha256: bankStatements.fileSha256,
      statementRef: bankStatements.statementRef,
      bankAccountRef: bankStatements.bankAccountRef,
      currency: bankStatements.currency,
      fromDay: bankStatements.fromDay,
      toDay: bankStatements.toDay,
      openingMinor: bankStatements.openingMinor,
      closingMinor: bankStatements.closingMinor,
      balanceCheck: bankStatements.balanceCheck,
      balanceProblem: bankStatements.balanceProblem,
      balanceFacts: bankStatements.balanceFacts,
      linesAdded: bankStatements.linesAdded,
      linesSkipped: bankStatements.linesSkipped,
      importedAt: bankStatements.importedAt,
    })
    .from(bankStatements)
    .innerJoin(
      accounts,
      and(eq(accounts.coopId, bankStatements.coopId), eq(accounts.id, bankStatements.accountId)),
    )
    .where(
      and(
        eq(bankStatements.coopId, coopId),
        options.account
          ? sql`(${accounts.code} = ${options.account} or ${accounts.path} = ${options.account})`
          : undefined,
      ),
    )
    .orderBy(asc(accounts.code), asc(bankStatements.toDay), asc(bankStatements.importedAt));
  const statuses = await queryRows<{ statement_id: string; status: string; n: number }>(
    executor,
    sql`select statement_id, status, count(*)::int as n from bank_lines
        where coop_id = ${coopId} group by statement_id, status`,
  );
  const counts = new Map<string, Record<string, number>>();
  for (const s of statuses)
    counts.set(s.statement_id, { ...counts.get(s.statement_id), [s.status]: s.n });
  return rows.map((r) => {
    const currency = r.currency.trim();
    const span = { ...r, currency };
    const others = rows
      .filter((o) => o.accountId === r.accountId && o.id !== r.id)
      .map((o) => ({ ...o, currency: o.currency.trim() }));
    const c = counts.get(r.id) ?? {};
    const gaps = gapsAround(others, span);
    return {
      id: r.id,
      account: r.accountPath,
      accountCode: r.accountCode,
      format: r.format,
      fileName: r.fileName,
      fileSha256: r.fileSha256,
      statementRef: r.statementRef,
      bankAccountRef: r.bankAccountRef,
      currency,
      fromDay: r.fromDay,
      toDay: r.toDay,
      opening: r.openingMinor === null ? null : minorToDecimal(r.openingMinor, currency),
      closing: r.closingMinor === null ? null : minorToDecimal(r.closingMinor, currency),
      balanceCheck: r.balanceCheck,
      balanceProblem: r.balanceProblem,
      // Statements imported before facts were stored have none: their English stands.
      balanceFacts: r.balanceFacts,
      gaps: gaps.map(gapEnglish),
      gapFacts: gaps.flat(),
      linesAdded: r.linesAdded,
      linesSkipped: r.linesSkipped,
      lines: {
        unmatched: c.unmatched ?? 0,
        suggested: c.suggested ?? 0,
        matched: c.matched ?? 0,
        ignored: c.ignored ?? 0,
      },
      importedAt: r.importedAt,
    };
  });
}

export async function listBankLines(
  executor: Executor,
  coopId: string,
  options: {
    status?: (typeof bankLineStatuses)[number] | undefined;
    account?: string | undefined;
    statementId?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  const rows = await executor
    .select({
      id: bankLines.id,
      statementId: bankLines.statementId,
      account: accounts.path,
      bookedOn: bankLines.bookedOn,
      valueOn: bankLines.valueOn,
      amountMinor: bankLines.amountMinor,
      currency: bankLines.currency,
      counterparty: bankLines.counterparty,
      counterpartyAccount: bankLines.counterpartyAccount,
      description: bankLines.description,
      bankReference: bankLines.bankReference,
      status: bankLines.status,
      suggestion: bankLines.suggestion,
      matchedEntryId: bankLines.matchedEntryId,
      matchedAt: bankLines.matchedAt,
    })
    .from(bankLines)
    .innerJoin(
      accounts,
      and(eq(accounts.coopId, bankLines.coopId), eq(accounts.id, bankLines.accountId)),
    )
    .where(
      and(
        eq(bankLines.coopId, coopId),
        options.status ? eq(bankLines.status, options.status) : undefined,
        options.statementId ? eq(bankLines.statementId, options.statementId) : undefined,
        options.account
          ? sql`(${accounts.code} = ${options.account} or ${accounts.path} = ${options.account})`
          : undefined,
      ),
    )
    .orderBy(asc(bankLines.bookedOn), asc(bankLines.id))
    .limit(options.limit)
    .offset(options.offset);
  return rows.map((r) => {
    const currency = r.currency.trim();
    return {
      ...r,
      currency,
      amount: minorToDecimal(r.amountMinor, currency),
      amountMinor: r.amountMinor.toString(),
    };
  });
}

export async function listCsvMappings(executor: Executor, coopId: string) {
  const rows = await executor
    .select({
      id: csvMappings.id,
      name: csvMappings.name,
      account: accounts.path,
      accountCode: accounts.code,
      mapping: csvMappings.mapping,
      createdAt: csvMappings.createdAt,
    })
    .from(csvMappings)
    .innerJoin(
      accounts,
      and(eq(accounts.coopId, csvMappings.coopId), eq(accounts.id, csvMappings.accountId)),
    )
    .where(eq(csvMappings.coopId, coopId))
    .orderBy(asc(csvMappings.name));
  return rows.map((r) => ({ ...r, mapping: csvMappingSchema.parse(r.mapping) }));
}

/** A saved mapping by name, or the only one saved for the account. */
export async function findCsvMapping(
  executor: Executor,
  coopId: string,
  by: { name?: string | undefined; accountId?: string | undefined },
): Promise<{ id: string; name: string; accountId: string; mapping: CsvMapping } | undefined> {
  const rows = await executor
    .select()
    .from(csvMappings)
    .where(
      and(
        eq(csvMappings.coopId, coopId),
        by.name ? eq(csvMappings.name, by.name) : undefined,
        by.accountId ? eq(csvMappings.accountId, by.accountId) : undefined,
      ),
    )
    .orderBy(desc(csvMappings.createdAt))
    .limit(2);
  const row = rows[0];
  if (!row || (!by.name && rows.length > 1)) return undefined;
  return {
    id: row.id,
    name: row.name,
    accountId: row.accountId,
    mapping: csvMappingSchema.parse(row.mapping),
  };
}
