import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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
import { organizations } from '../organizations/schema.ts';

import { memberClasses, type MemberClass } from './memberClasses.ts';
export { memberClasses, type MemberClass };
import { membershipStatuses, type MembershipStatus } from './membershipStatuses.ts';
export { membershipStatuses, type MembershipStatus };

const coopId = coopIdColumn;
const createdAt = createdAtColumn;

export const people = pgTable(
  'people',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    displayName: text('display_name').notNull(),
    // Null until the person sets one (an invited or imported member signs in with a code first).
    passwordHash: text('password_hash'),
    isAdmin: boolean('is_admin').notNull().default(false),
    // The language of the person's screens, mails and PDFs (src/platform/i18n/locales.ts).
    locale: text('locale').notNull().default('en'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('people_coop_id_key').on(t.coopId, t.id),
    check('people_locale_check', sql`${t.locale} in ('en', 'de')`),
  ],
);

export const personEmails = pgTable(
  'person_emails',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    // Stored lower-cased; uniqueness is per co-op.
    email: text('email').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('person_emails_email_idx').on(t.coopId, t.email),
    uniqueIndex('person_emails_primary_idx')
      .on(t.coopId, t.personId)
      .where(sql`${t.isPrimary}`),
    foreignKey({ columns: [t.coopId, t.personId], foreignColumns: [people.coopId, people.id] }),
  ],
);

export const organizationContacts = pgTable(
  'organization_contacts',
  {
    coopId: coopId(),
    organizationId: uuid('organization_id').notNull(),
    personId: uuid('person_id').notNull(),
    role: text('role', { enum: ['representative', 'billing', 'technical', 'champion'] })
      .notNull()
      .default('representative'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.organizationId, t.personId, t.role] }),
    foreignKey({
      columns: [t.coopId, t.organizationId],
      foreignColumns: [organizations.coopId, organizations.id],
    }),
    foreignKey({ columns: [t.coopId, t.personId], foreignColumns: [people.coopId, people.id] }),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    memberClass: text('member_class', { enum: memberClasses }).notNull(),
    status: text('status', { enum: membershipStatuses }).notNull(),
    // A sponsor representative speaks for this organization.
    organizationId: uuid('organization_id'),
    joinedAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('memberships_person_idx').on(t.coopId, t.personId),
    index('memberships_class_status_idx').on(t.coopId, t.memberClass, t.status),
    foreignKey({ columns: [t.coopId, t.personId], foreignColumns: [people.coopId, people.id] }),
    foreignKey({
      columns: [t.coopId, t.organizationId],
      foreignColumns: [organizations.coopId, organizations.id],
    }),
  ],
);

export const membershipStatusChanges = pgTable(
  'membership_status_changes',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id),
    fromStatus: text('from_status', { enum: membershipStatuses }),
    toStatus: text('to_status', { enum: membershipStatuses }).notNull(),
    reason: text('reason'),
    changedBy: uuid('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('membership_status_changes_idx').on(t.coopId, t.membershipId, t.changedAt)],
);

export const officerTerms = pgTable(
  'officer_terms',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    role: text('role').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    endedEarlyOn: date('ended_early_on'),
    createdAt: createdAt(),
  },
  (t) => [
    index('officer_terms_person_idx').on(t.coopId, t.personId),
    foreignKey({ columns: [t.coopId, t.personId], foreignColumns: [people.coopId, people.id] }),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    coopId: coopId(),
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name'),
    memberClass: text('member_class', { enum: memberClasses }).notNull(),
    organizationId: uuid('organization_id'),
    // The invitation mail's language, and the new member's until they choose another.
    locale: text('locale').notNull().default('en'),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedPersonId: uuid('accepted_person_id'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('invitations_token_idx').on(t.tokenHash),
    index('invitations_coop_idx').on(t.coopId, t.createdAt),
  ],
);

/** One-time codes for bulk onboarding; a SHA-256 of the code is kept, never the code. */
export const registrationCodes = pgTable(
  'registration_codes',
  {
    coopId: coopId(),
    codeHash: text('code_hash').primaryKey(),
    personId: uuid('person_id').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('registration_codes_person_idx').on(t.coopId, t.personId),
    foreignKey({ columns: [t.coopId, t.personId], foreignColumns: [people.coopId, people.id] }),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    coopId: coopId(),
    tokenHash: text('token_hash').primaryKey(),
    personId: uuid('person_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    index('sessions_person_idx').on(t.coopId, t.personId),
    index('sessions_expires_idx').on(t.expiresAt),
  ],
);

/** Single-use links sent by email: address verification, password reset, sign-in. */
export const emailTokens = pgTable(
  'email_tokens',
  {
    coopId: coopId(),
    tokenHash: text('token_hash').primaryKey(),
    purpose: text('purpose', {
      enum: ['verify-email', 'reset-password', 'sign-in-link'],
    }).notNull(),
    personId: uuid('person_id').notNull(),
    emailId: uuid('email_id'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('email_tokens_person_idx').on(t.coopId, t.personId)],
);
