import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { people } from '../members/schema.ts';
import { organizations } from '../organizations/schema.ts';
import { bytea, coopIdColumn, createdAtColumn } from '../platform/db/schema.ts';
import { sliceClasses, workItemKinds, type SliceClass } from './workItemChoices.ts';
import { surveyMethods, thresholds, type SurveyMethod } from './methods.ts';

const coopId = coopIdColumn;
const createdAt = createdAtColumn;

export { sliceClasses, workItemKinds, type SliceClass };
export const cyclePhases = ['proposing', 'voting', 'planned', 'in-progress', 'closed'] as const;
export type CyclePhase = (typeof cyclePhases)[number];
export { surveyMethods, thresholds, type SurveyMethod };
export const workItemStatuses = [
  'proposed',
  'planned',
  'in-progress',
  'done',
  'merged',
  'split',
  'withdrawn',
] as const;

/** A period of hacker time (a quarter, by default) whose pie is voted on. */
export const cycles = pgTable(
  'cycles',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    phase: text('phase', { enum: cyclePhases }).notNull().default('proposing'),
    votingOpensAt: timestamp('voting_opens_at', { withTimezone: true }).notNull(),
    votingClosesAt: timestamp('voting_closes_at', { withTimezone: true }).notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    surveyMethod: text('survey_method', { enum: surveyMethods }).notNull(),
    quadraticCredits: integer('quadratic_credits').notNull().default(100),
    /** The pie and funding rules in force when the cycle was opened (bylaws version). */
    bylawsVersion: integer('bylaws_version').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [unique('cycles_coop_id_key').on(t.coopId, t.id)],
);

export const workItems = pgTable(
  'work_items',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    kind: text('kind', { enum: workItemKinds }).notNull(),
    originClass: text('origin_class', { enum: sliceClasses }).notNull(),
    proposedBy: uuid('proposed_by'),
    organizationId: uuid('organization_id'),
    topics: text('topics')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    links: text('links')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    estimateHours: integer('estimate_hours').notNull(),
    status: text('status', { enum: workItemStatuses }).notNull().default('proposed'),
    mergedInto: uuid('merged_into'),
    splitFrom: uuid('split_from'),
    /** Where an imported item came from (a GitHub issue URL, a CSV line), for idempotent imports. */
    externalRef: text('external_ref'),
    createdAt: createdAt(),
  },
  (t) => [
    index('work_items_cycle_idx').on(t.coopId, t.cycleId, t.originClass),
    uniqueIndex('work_items_external_ref_idx')
      .on(t.coopId, t.externalRef)
      .where(sql`${t.externalRef} is not null`),
    foreignKey({ columns: [t.coopId, t.cycleId], foreignColumns: [cycles.coopId, cycles.id] }),
  ],
);

/** Hours each hacker can give the cycle (leave and part time taken out). */
export const hackerAvailability = pgTable(
  'hacker_availability',
  {
    coopId: coopId(),
    cycleId: uuid('cycle_id').notNull(),
    personId: uuid('person_id').notNull(),
    hours: integer('hours').notNull(),
    note: text('note').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.cycleId, t.personId] }),
    foreignKey({ columns: [t.coopId, t.cycleId], foreignColumns: [cycles.coopId, cycles.id] }),
    foreignKey({ columns: [t.coopId, t.personId], foreignColumns: [people.coopId, people.id] }),
  ],
);

/**
 * Funding received from sponsors: money, or labour hours valued at the bylaws' rate. The one
 * table that weights the sponsor vote; the books will fill it from payments.
 */
export const funding = pgTable(
  'funding',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    receivedOn: date('received_on').notNull(),
    amountMinor: bigint('amount_minor', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    currency: char('currency', { length: 3 }).notNull(),
    /** The amount in the co-op's currency, at the rate of the day, which the weight uses. */
    coopAmountMinor: bigint('coop_amount_minor', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    labourHours: integer('labour_hours').notNull().default(0),
    note: text('note').notNull().default(''),
    /** manual, or the ledger entry that booked the payment. */
    source: text('source').notNull().default('manual'),
    sourceRef: text('source_ref'),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('funding_org_date_idx').on(t.coopId, t.organizationId, t.receivedOn),
    uniqueIndex('funding_source_ref_idx')
      .on(t.coopId, t.source, t.sourceRef)
      .where(sql`${t.sourceRef} is not null`),
    foreignKey({
      columns: [t.coopId, t.organizationId],
      foreignColumns: [organizations.coopId, organizations.id],
    }),
  ],
);

export const sponsorLabourStatuses = ['logged', 'confirmed', 'rejected', 'reversed'] as const;
export type SponsorLabourStatus = (typeof sponsorLabourStatuses)[number];

/**
 * Hours a sponsor's engineer gave a co-op work item. Logged by the engineer, confirmed or
 * rejected by a hacker or an officer; a confirmation records a funding row (labour hours at the
 * bylaws' rate), a reversal its counter-row, so the vote weight, the patronage and the digest
 * all read the one funding table.
 */
export const sponsorLabour = pgTable(
  'sponsor_labour',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    personId: uuid('person_id').notNull(),
    workItemId: uuid('work_item_id').notNull(),
    workedOn: date('worked_on').notNull(),
    /** Whole hours: the funding table and the bylaws' rate count labour in hours. */
    hours: integer('hours').notNull(),
    note: text('note').notNull().default(''),
    status: text('status', { enum: sponsorLabourStatuses }).notNull().default('logged'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Why it was rejected or reversed. */
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('sponsor_labour_org_idx').on(t.coopId, t.organizationId, t.workedOn),
    index('sponsor_labour_status_idx').on(t.coopId, t.status),
    foreignKey({
      columns: [t.coopId, t.organizationId],
      foreignColumns: [organizations.coopId, organizations.id],
    }),
    foreignKey({ columns: [t.coopId, t.personId], foreignColumns: [people.coopId, people.id] }),
  ],
);

/** Each sponsor organization spreads 100 points over the cycle's sponsor items. */
export const sponsorPoints = pgTable(
  'sponsor_points',
  {
    coopId: coopId(),
    cycleId: uuid('cycle_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    workItemId: uuid('work_item_id').notNull(),
    points: integer('points').notNull(),
    castBy: uuid('cast_by').notNull(),
    castAt: timestamp('cast_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.cycleId, t.organizationId, t.workItemId] })],
);

/** One member, one survey ballot per cycle; replaced if they vote again before the close. */
export const surveyBallots = pgTable(
  'survey_ballots',
  {
    coopId: coopId(),
    cycleId: uuid('cycle_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** approval: [ids]; score: {id: 0-5}; ranked: [ids, best first]; quadratic: {id: votes}. */
    ballot: jsonb('ballot').notNull(),
    castAt: timestamp('cast_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.cycleId, t.personId] })],
);

/** What each hacker will do with their share of the hacker slice. */
export const hackerDeclarations = pgTable(
  'hacker_declarations',
  {
    coopId: coopId(),
    cycleId: uuid('cycle_id').notNull(),
    personId: uuid('person_id').notNull(),
    workItemId: uuid('work_item_id').notNull(),
    hours: integer('hours').notNull(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.cycleId, t.personId, t.workItemId] })],
);

/** The published plan: hours per item per slice, and who works on them. */
export const planItems = pgTable(
  'plan_items',
  {
    coopId: coopId(),
    cycleId: uuid('cycle_id').notNull(),
    workItemId: uuid('work_item_id').notNull(),
    slice: text('slice', { enum: sliceClasses }).notNull(),
    support: text('support').notNull(),
    hours: integer('hours').notNull(),
    capped: integer('capped').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.cycleId, t.workItemId] })],
);

export const planAssignments = pgTable(
  'plan_assignments',
  {
    coopId: coopId(),
    cycleId: uuid('cycle_id').notNull(),
    workItemId: uuid('work_item_id').notNull(),
    personId: uuid('person_id').notNull(),
    hours: integer('hours').notNull(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.cycleId, t.workItemId, t.personId] })],
);

/** The plan's arithmetic, kept as computed so that the published plan can be re-checked. */
export const planComputations = pgTable(
  'plan_computations',
  {
    coopId: coopId(),
    cycleId: uuid('cycle_id').notNull(),
    computation: jsonb('computation').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.cycleId] })],
);

export const timeEntries = pgTable(
  'time_entries',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    workItemId: uuid('work_item_id').notNull(),
    workedOn: date('worked_on').notNull(),
    /** Minutes, so a quarter hour is exact. */
    minutes: integer('minutes').notNull(),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('time_entries_item_idx').on(t.coopId, t.workItemId),
    index('time_entries_person_idx').on(t.coopId, t.personId, t.workedOn),
  ],
);

export const pollKinds = ['proposal', 'election'] as const;
export const pollMethods = [
  'yes-no',
  'approval',
  'score',
  'ranked',
  'schulze',
  'irv',
  'scottish-stv',
  'meek-stv',
] as const;
export type PollMethod = (typeof pollMethods)[number];
export const pollStatuses = ['nominating', 'scheduled', 'open', 'closed'] as const;

/**
 * A decision put to the members: a proposal (yes/no, approval, score or ranked over options)
 * or an officer election (candidates are the options).
 */
export const polls = pgTable(
  'polls',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: pollKinds }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    method: text('method', { enum: pollMethods }).notNull(),
    threshold: text('threshold', { enum: thresholds }).notNull().default('simple'),
    seats: integer('seats').notNull().default(1),
    /** Member classes that may vote; empty means every active member. */
    electorate: text('electorate')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    quorumPercent: integer('quorum_percent').notNull(),
    classBalanced: integer('class_balanced').notNull().default(0),
    /** The majority is needed in each member class (an entrenched amendment). */
    inEachClass: integer('in_each_class').notNull().default(0),
    secret: integer('secret').notNull().default(0),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: pollStatuses }).notNull(),
    /** An election's office (a role of the bylaws). */
    officeRole: text('office_role'),
    /** A bylaw amendment's proposed document, adopted as a new version if the proposal passes. */
    bylawsDocument: jsonb('bylaws_document'),
    /** The day a passed amendment takes effect (at the earliest, the day the poll closes). */
    bylawsEffectiveOn: date('bylaws_effective_on'),
    /** A budget proposal's lines, adopted as budgets if the proposal passes. */
    budgetLines: jsonb('budget_lines'),
    /** Electorate size at the close, the count, and the outcome. */
    result: jsonb('result'),
    bylawsVersion: integer('bylaws_version').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('polls_coop_id_key').on(t.coopId, t.id),
    index('polls_status_idx').on(t.coopId, t.status),
  ],
);

export const pollOptions = pgTable(
  'poll_options',
  {
    coopId: coopId(),
    pollId: uuid('poll_id').notNull(),
    /** 1-based, as in BLT files. */
    number: integer('number').notNull(),
    label: text('label').notNull(),
    /** An election candidate. */
    personId: uuid('person_id'),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.pollId, t.number] }),
    foreignKey({ columns: [t.coopId, t.pollId], foreignColumns: [polls.coopId, polls.id] }),
  ],
);

export const nominations = pgTable(
  'nominations',
  {
    coopId: coopId(),
    pollId: uuid('poll_id').notNull(),
    personId: uuid('person_id').notNull(),
    nominatedBy: uuid('nominated_by').notNull(),
    statement: text('statement').notNull().default(''),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.pollId, t.personId] }),
    foreignKey({ columns: [t.coopId, t.pollId], foreignColumns: [polls.coopId, polls.id] }),
  ],
);

/** Who voted, kept apart from what was voted: no column joins the two for a secret poll. */
export const pollParticipation = pgTable(
  'poll_participation',
  {
    coopId: coopId(),
    pollId: uuid('poll_id').notNull(),
    personId: uuid('person_id').notNull(),
    votedAt: timestamp('voted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.pollId, t.personId] })],
);

/**
 * The ballots. An open poll's ballot names its voter and the SHA-256 of its receipt. A secret
 * poll's ballot, until the close, is only `sealed` (what was voted, the receipt's SHA-256 and,
 * for a class-balanced count, the class, encrypted under a key the database never holds) and a
 * `receipt_hash` of another kind (SHA-256 of "change:" and the receipt), which finds it to change
 * it but matches nothing published. At the close the sealed ballots are opened and replaced by
 * the published ones, in a random order: content, the receipt's SHA-256, and a class only when
 * the count is class-balanced.
 */
export const pollBallots = pgTable(
  'poll_ballots',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    pollId: uuid('poll_id').notNull(),
    receiptHash: text('receipt_hash').notNull(),
    /** Open polls only; null when the poll is secret. */
    personId: uuid('person_id'),
    /** The voter's class: open polls, and published ballots of class-balanced counts. */
    voterClass: text('voter_class'),
    /** yes-no: {choice}; approval: {approve:[n]}; score: {scores:{n:0-5}}; ranked: {ranking:[n]}. */
    content: jsonb('content'),
    /** A secret poll's ballot until the close (src/governance/polls/ballotSeal.ts). */
    sealed: bytea('sealed'),
  },
  (t) => [
    uniqueIndex('poll_ballots_receipt_idx').on(t.coopId, t.pollId, t.receiptHash),
    foreignKey({ columns: [t.coopId, t.pollId], foreignColumns: [polls.coopId, polls.id] }),
  ],
);
