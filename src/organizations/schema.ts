import { sql } from 'drizzle-orm';
import { check, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coopIdColumn, createdAtColumn } from '../platform/db/schema.ts';

export const organizations = pgTable(
  'organizations',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    legalName: text('legal_name').notNull(),
    displayName: text('display_name').notNull(),
    kind: text('kind', { enum: ['company', 'government', 'ngo', 'foundation', 'other'] })
      .notNull()
      .default('company'),
    // The member class its representatives join as (sponsors, usually).
    memberClass: text('member_class', { enum: ['hacker', 'sponsor', 'community'] })
      .notNull()
      .default('sponsor'),
    taxId: text('tax_id'),
    billingEmail: text('billing_email'),
    billingAddress: text('billing_address'),
    country: text('country'),
    website: text('website'),
    // The language of its quotes, invoices, reminders and business mails (en, de).
    locale: text('locale').notNull().default('en'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('organizations_legal_name_idx').on(t.coopId, sql`lower(${t.legalName})`),
    unique('organizations_coop_id_key').on(t.coopId, t.id),
    check('organizations_locale_check', sql`${t.locale} in ('en', 'de')`),
  ],
);
