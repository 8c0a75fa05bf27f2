import {
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/schema.ts';
import { coopIdColumn, createdAtColumn } from '../platform/db/schema.ts';
import { vulnerabilitySeverities } from './severities.ts';

export { vulnerabilitySeverities, type VulnerabilitySeverity } from './severities.ts';

export interface AffectedProject {
  project: string;
  /** The versions affected, as the advisory states them (">= 2.0, < 2.4.1"). */
  versions: string;
}

/** A vulnerability the co-op handles: embargoed until it is disclosed at its moment t0. */
export const vulnerabilities = pgTable(
  'vulnerabilities',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    identifiers: jsonb('identifiers').$type<string[]>().notNull(),
    severity: text('severity', { enum: vulnerabilitySeverities }).notNull(),
    summary: text('summary').notNull().default(''),
    affected: jsonb('affected').$type<AffectedProject[]>().notNull(),
    embargoUntil: timestamp('embargo_until', { withTimezone: true }),
    /** t0: the moment it became public. */
    disclosedAt: timestamp('disclosed_at', { withTimezone: true }),
    /** The sponsors owed the vulnerability clock, decided at disclosure from their tiers. */
    qualifyingOrganizationIds: jsonb('qualifying_organization_ids').$type<string[]>(),
    createdAt: createdAtColumn(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    unique('vulnerabilities_coop_id_key').on(t.coopId, t.id),
    index('vulnerabilities_disclosed_idx').on(t.coopId, t.disclosedAt),
  ],
);

/** Who was told under embargo, and when: the pre-notification list. */
export const vulnerabilityPrenotifications = pgTable(
  'vulnerability_prenotifications',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    vulnerabilityId: uuid('vulnerability_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }).notNull(),
    notifiedBy: uuid('notified_by'),
    note: text('note').notNull().default(''),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('vulnerability_prenotifications_idx').on(
      t.coopId,
      t.vulnerabilityId,
      t.organizationId,
    ),
    foreignKey({
      columns: [t.coopId, t.vulnerabilityId],
      foreignColumns: [vulnerabilities.coopId, vulnerabilities.id],
    }),
    foreignKey({
      columns: [t.coopId, t.organizationId],
      foreignColumns: [organizations.coopId, organizations.id],
    }),
  ],
);

/** The note telling one sponsor what the vulnerability means for them. */
export const vulnerabilityImpactNotes = pgTable(
  'vulnerability_impact_notes',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    vulnerabilityId: uuid('vulnerability_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    note: text('note').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('vulnerability_impact_notes_idx').on(t.coopId, t.vulnerabilityId, t.organizationId),
    foreignKey({
      columns: [t.coopId, t.vulnerabilityId],
      foreignColumns: [vulnerabilities.coopId, vulnerabilities.id],
    }),
    foreignKey({
      columns: [t.coopId, t.organizationId],
      foreignColumns: [organizations.coopId, organizations.id],
    }),
  ],
);
