import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  jsonb,
  char,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { coopIdColumn, createdAtColumn } from '../platform/db/schema.ts';
import type { EntryFact } from './entryFacts.ts';
import type { StatementFact } from './statements/facts.ts';
import { statementFormats } from './statements/statementChoices.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

const coopId = coopIdColumn;

export const accountTypes = ['asset', 'liability', 'equity', 'income', 'expense'] as const;
export type AccountType = (typeof accountTypes)[number];

/** The chart of accounts; `path` prints as hledger does, e.g. `income:sponsorship`. */
export const accounts = pgTable(
  'accounts',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    path: text('path').notNull(),
    type: text('type', { enum: accountTypes }).notNull(),
    parentId: uuid('parent_id'),
    /** A member's capital account, or a sponsor's receivable. */
    personId: uuid('person_id'),
    organizationId: uuid('organization_id'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('accounts_code_idx').on(t.coopId, t.code),
    uniqueIndex('accounts_path_idx').on(t.coopId, t.path),
    unique('accounts_coop_id_key').on(t.coopId, t.id),
  ],
);

/** A posted entry never changes (a trigger refuses it): a correction is a linked reversal. */
export const journalEntries = pgTable(
  'journal_entries',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    number: bigint('number', { mode: 'number' }).generatedAlwaysAsIdentity(),
    effectiveOn: date('effective_on').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    /** `description` as facts, for an entry the co-op wrote by itself; null for one typed. */
    descriptionFact: jsonb('description_fact').$type<EntryFact>(),
    /** What caused it: payment, expense, salary run, dividend... */
    sourceType: text('source_type'),
    sourceId: text('source_id'),
    reversesEntryId: uuid('reverses_entry_id'),
    createdBy: uuid('created_by'),
  },
  (t) => [
    unique('journal_entries_coop_id_key').on(t.coopId, t.id),
    index('journal_entries_date_idx').on(t.coopId, t.effectiveOn),
    index('journal_entries_number_idx').on(t.coopId, t.number),
    uniqueIndex('journal_entries_reversal_idx')
      .on(t.coopId, t.reversesEntryId)
      .where(sql`${t.reversesEntryId} is not null`),
    index('journal_entries_source_idx').on(t.coopId, t.sourceType, t.sourceId),
  ],
);

/**
 * Debits positive, credits negative, in minor units of the posting's currency; the amount in
 * the co-op's currency and the rate used sit beside it. A constraint trigger checked at commit
 * refuses an entry whose postings do not sum to zero in each currency.
 */
export const postings = pgTable(
  'postings',
  {
    coopId: coopId(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
    entryId: uuid('entry_id').notNull(),
    accountId: uuid('account_id').notNull(),
    effectiveOn: date('effective_on').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    coopAmountMinor: bigint('coop_amount_minor', { mode: 'bigint' }).notNull(),
    /** Co-op currency per unit of the posting's currency, as a decimal string; null when equal. */
    rate: text('rate'),
    rateOn: date('rate_on'),
    rateSource: text('rate_source'),
    memo: text('memo').notNull().default(''),
    /** `memo` as facts, for a memo the co-op wrote by itself; null for one typed. */
    memoFact: jsonb('memo_fact').$type<EntryFact>(),
  },
  (t) => [
    index('postings_entry_idx').on(t.coopId, t.entryId),
    // The commit-time balance check looks an entry's postings up by entry alone.
    index('postings_entry_id_idx').on(t.entryId),
    index('postings_account_idx').on(t.coopId, t.accountId, t.effectiveOn, t.id),
    foreignKey({
      columns: [t.coopId, t.entryId],
      foreignColumns: [journalEntries.coopId, journalEntries.id],
    }),
    foreignKey({
      columns: [t.coopId, t.accountId],
      foreignColumns: [accounts.coopId, accounts.id],
    }),
  ],
);

/**
 * Balances kept, not recomputed: the change per account, currency and month, and per day, is
 * maintained by a trigger in the same transaction as each posting. A trial balance at a date
 * reads the months before it and the days of its own month.
 */
export const monthlyBalances = pgTable(
  'monthly_balances',
  {
    coopId: coopId(),
    accountId: uuid('account_id').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    month: date('month').notNull(),
    changeMinor: bigint('change_minor', { mode: 'bigint' }).notNull(),
    coopChangeMinor: bigint('coop_change_minor', { mode: 'bigint' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.accountId, t.currency, t.month] })],
);

export const dailyBalances = pgTable(
  'daily_balances',
  {
    coopId: coopId(),
    accountId: uuid('account_id').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    day: date('day').notNull(),
    changeMinor: bigint('change_minor', { mode: 'bigint' }).notNull(),
    coopChangeMinor: bigint('coop_change_minor', { mode: 'bigint' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.accountId, t.currency, t.day] })],
);

/** A closed month or year: nothing posts into it until an officer reopens it, with a reason. */
export const periodLocks = pgTable(
  'period_locks',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    fromDay: date('from_day').notNull(),
    toDay: date('to_day').notNull(),
    lockedAt: timestamp('locked_at', { withTimezone: true }).notNull().defaultNow(),
    lockedBy: uuid('locked_by'),
    /**
     * The co-op's highest entry number when the lock took effect (set by the database, under
     * the lock postings share): an entry dated in the period with a higher number was recorded
     * after the lock, which `coop ledger verify` reports.
     */
    lastEntryNumber: bigint('last_entry_number', { mode: 'number' }),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    reopenedBy: uuid('reopened_by'),
    reopenReason: text('reopen_reason'),
  },
  (t) => [index('period_locks_idx').on(t.coopId, t.fromDay, t.toDay)],
);

/** Uploaded files (receipts...), kept in the database so that backups hold them. */
export const files = pgTable(
  'files',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('files_hash_idx').on(t.coopId, t.sha256)],
);

export { statementFormats };

/** An imported bank statement; the same file twice is refused by its hash. */
export const bankStatements = pgTable(
  'bank_statements',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    /** The ledger account of the bank account (assets:bank:...). */
    accountId: uuid('account_id').notNull(),
    format: text('format', { enum: statementFormats }).notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    /** The bank's own statement id, and the account (IBAN...) the statement is for. */
    statementRef: text('statement_ref'),
    bankAccountRef: text('bank_account_ref'),
    currency: char('currency', { length: 3 }).notNull(),
    fromDay: date('from_day'),
    toDay: date('to_day'),
    openingMinor: bigint('opening_minor', { mode: 'bigint' }),
    closingMinor: bigint('closing_minor', { mode: 'bigint' }),
    /** ok: opening + lines = closing; mismatch: the file's own figures do not add up. */
    balanceCheck: text('balance_check', { enum: ['ok', 'mismatch', 'unknown'] }).notNull(),
    balanceProblem: text('balance_problem'),
    /** `balance_problem` as facts (src/finance/statements/facts.ts); null before they were kept. */
    balanceFacts: jsonb('balance_facts').$type<StatementFact[]>(),
    linesAdded: bigint('lines_added', { mode: 'number' }).notNull().default(0),
    linesSkipped: bigint('lines_skipped', { mode: 'number' }).notNull().default(0),
    importedBy: uuid('imported_by'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('bank_statements_file_idx').on(t.coopId, t.accountId, t.fileSha256)],
);

export const bankLineStatuses = ['unmatched', 'suggested', 'matched', 'ignored'] as const;

/**
 * One booked line of a statement. `dedupeKey` is the bank's reference when it gives one, else
 * a hash of the line's content: an overlapping statement adds nothing twice.
 */
export const bankLines = pgTable(
  'bank_lines',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    statementId: uuid('statement_id').notNull(),
    accountId: uuid('account_id').notNull(),
    bookedOn: date('booked_on').notNull(),
    valueOn: date('value_on'),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    counterparty: text('counterparty').notNull().default(''),
    counterpartyAccount: text('counterparty_account').notNull().default(''),
    description: text('description').notNull().default(''),
    bankReference: text('bank_reference'),
    dedupeKey: text('dedupe_key').notNull(),
    status: text('status', { enum: bankLineStatuses }).notNull().default('unmatched'),
    /** A proposed match waiting in the review queue: what it settles and why. */
    suggestion: jsonb('suggestion'),
    matchedEntryId: uuid('matched_entry_id'),
    matchedAt: timestamp('matched_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('bank_lines_dedupe_idx').on(t.coopId, t.accountId, t.dedupeKey),
    index('bank_lines_status_idx').on(t.coopId, t.status, t.bookedOn),
  ],
);

/** A saved CSV column mapping per bank account. */
export const csvMappings = pgTable(
  'csv_mappings',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').notNull(),
    name: text('name').notNull(),
    mapping: jsonb('mapping').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('csv_mappings_name_idx').on(t.coopId, t.name)],
);

export const claimStatuses = ['draft', 'submitted', 'approved', 'rejected', 'paid'] as const;

export const expenseClaims = pgTable(
  'expense_claims',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    submittedBy: uuid('submitted_by').notNull(),
    title: text('title').notNull(),
    category: text('category').notNull(),
    /** The expense account it will be booked to. */
    accountId: uuid('account_id').notNull(),
    incurredOn: date('incurred_on').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    receiptFileId: uuid('receipt_file_id'),
    status: text('status', { enum: claimStatuses }).notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
    paidEntryId: uuid('paid_entry_id'),
    createdAt: createdAtColumn(),
  },
  (t) => [index('expense_claims_status_idx').on(t.coopId, t.status, t.createdAt)],
);

export const expenseApprovals = pgTable(
  'expense_approvals',
  {
    coopId: coopId(),
    claimId: uuid('claim_id').notNull(),
    approverId: uuid('approver_id').notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.claimId, t.approverId] })],
);

/** A hacker's pay from a date: gross and the employer's costs, per month. */
export const salaries = pgTable(
  'salaries',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    grossMonthlyMinor: bigint('gross_monthly_minor', { mode: 'bigint' }).notNull(),
    employerCostMonthlyMinor: bigint('employer_cost_monthly_minor', { mode: 'bigint' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
  },
  (t) => [index('salaries_person_idx').on(t.coopId, t.personId, t.effectiveFrom)],
);

/** One posted payroll per month, whichever process's job gets there first. */
export const salaryRuns = pgTable(
  'salary_runs',
  {
    coopId: coopId(),
    month: date('month').notNull(),
    entryId: uuid('entry_id').notNull(),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.month] })],
);

export const budgets = pgTable(
  'budgets',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').notNull(),
    fromDay: date('from_day').notNull(),
    toDay: date('to_day').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    /** Adopted by a proposal, or entered by an officer. */
    pollId: uuid('poll_id'),
    enteredBy: uuid('entered_by'),
    createdAt: createdAtColumn(),
  },
  (t) => [index('budgets_period_idx').on(t.coopId, t.fromDay, t.toDay)],
);

/** A closed fiscal year and its surplus's split, with the arithmetic kept. */
export const yearEndCloses = pgTable(
  'year_end_closes',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    fiscalYear: bigint('fiscal_year', { mode: 'number' }).notNull(),
    fromDay: date('from_day').notNull(),
    toDay: date('to_day').notNull(),
    surplusMinor: bigint('surplus_minor', { mode: 'bigint' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    computation: jsonb('computation').notNull(),
    entryIds: jsonb('entry_ids').notNull(),
    closedBy: uuid('closed_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('year_end_closes_year_idx').on(t.coopId, t.fiscalYear)],
);

/** Each member's or sponsor's dividend from a year-end close: their notice's figures. */
export const dividends = pgTable(
  'dividends',
  {
    coopId: coopId(),
    closeId: uuid('close_id').notNull(),
    id: uuid('id').primaryKey().defaultRandom(),
    memberClass: text('member_class').notNull(),
    personId: uuid('person_id'),
    organizationId: uuid('organization_id'),
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    cashMinor: bigint('cash_minor', { mode: 'bigint' }).notNull(),
    retainedMinor: bigint('retained_minor', { mode: 'bigint' }).notNull(),
    basis: jsonb('basis').notNull(),
  },
  (t) => [index('dividends_close_idx').on(t.coopId, t.closeId)],
);
