import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { coops } from '../platform/db/schema.ts';

const coopId = () =>
  uuid('coop_id')
    .notNull()
    .references(() => coops.id);

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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
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
    /** What caused it: payment, expense, salary run, dividend... */
    sourceType: text('source_type'),
    sourceId: text('source_id'),
    reversesEntryId: uuid('reverses_entry_id'),
    createdBy: uuid('created_by'),
  },
  (t) => [
    unique('journal_entries_coop_id_key').on(t.coopId, t.id),
    index('journal_entries_date_idx').on(t.coopId, t.effectiveOn),
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
  },
  (t) => [
    index('postings_entry_idx').on(t.coopId, t.entryId),
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
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    reopenedBy: uuid('reopened_by'),
    reopenReason: text('reopen_reason'),
  },
  (t) => [index('period_locks_idx').on(t.coopId, t.fromDay, t.toDay)],
);
