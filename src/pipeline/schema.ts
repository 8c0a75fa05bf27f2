import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { people } from '../members/schema.ts';
import { organizations } from '../organizations/schema.ts';
import { coopIdColumn, createdAtColumn } from '../platform/db/schema.ts';
import { opportunityKinds, stages } from './stages.ts';

/**
 * A chance of business with an organization: new business with a prospect, more with a sponsor,
 * or the renewal of an agreement (opened by itself when a term comes due). Money is integer minor
 * units with its currency; the engineer-months answer is kept in tenths, so 2.5 is 25.
 */
export const opportunities = pgTable(
  'opportunities',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull(),
    title: text('title').notNull(),
    kind: text('kind', { enum: opportunityKinds }).notNull().default('new'),
    stage: text('stage', { enum: stages }).notNull().default('lead'),
    /** What the deal would bring in a year. */
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    expectedCloseOn: date('expected_close_on').notNull(),
    probabilityPercent: integer('probability_percent').notNull(),
    nextStep: text('next_step'),
    nextStepOn: date('next_step_on'),
    /** The champion inside the company: a contact of the organization, or a name and address. */
    championPersonId: uuid('champion_person_id'),
    championName: text('champion_name'),
    championEmail: text('champion_email'),
    /** "How many engineer-months would it take you to replace or maintain this yourselves?" */
    engineerMonthsTenths: integer('engineer_months_tenths'),
    lostReason: text('lost_reason'),
    /** The agreement it became (won) or, for a renewal, the agreement it renews. */
    agreementId: uuid('agreement_id'),
    renewalOfAgreementId: uuid('renewal_of_agreement_id'),
    renewalTermEndsOn: date('renewal_term_ends_on'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Any change by a person or the co-op: what "no change for N days" reads. */
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    unique('opportunities_coop_id_key').on(t.coopId, t.id),
    foreignKey({
      columns: [t.coopId, t.organizationId],
      foreignColumns: [organizations.coopId, organizations.id],
    }),
    foreignKey({
      columns: [t.coopId, t.championPersonId],
      foreignColumns: [people.coopId, people.id],
    }),
    index('opportunities_organization_idx').on(t.coopId, t.organizationId),
    // One renewal opportunity per agreement and term, however often the term's notice comes.
    uniqueIndex('opportunities_renewal_term_idx')
      .on(t.coopId, t.renewalOfAgreementId, t.renewalTermEndsOn)
      .where(sql`${t.renewalOfAgreementId} is not null`),
    check(
      'opportunities_stage_check',
      sql`${t.stage} in ('lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost')`,
    ),
    check('opportunities_kind_check', sql`${t.kind} in ('new', 'renewal')`),
    check('opportunities_probability_check', sql`${t.probabilityPercent} between 0 and 100`),
    check('opportunities_amount_check', sql`${t.amountMinor} >= 0`),
    check(
      'opportunities_engineer_months_check',
      sql`${t.engineerMonthsTenths} is null or ${t.engineerMonthsTenths} >= 0`,
    ),
    check(
      'opportunities_lost_reason_check',
      sql`${t.stage} <> 'lost' or length(trim(coalesce(${t.lostReason}, ''))) > 0`,
    ),
  ],
);
