import {
  char,
  foreignKey,
  index,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, coopIdColumn, createdAtColumn } from '../platform/db/schema.ts';

/**
 * A rendered document, exactly as it was shown: its PDF bytes and their SHA-256, the template
 * and template version it came from. Never changed: a new rendering is a new row.
 */
export const documentVersions = pgTable(
  'document_versions',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    templateKey: text('template_key').notNull(),
    templateVersion: text('template_version').notNull(),
    title: text('title').notNull(),
    /** What it is about: a quote, an agreement, or nothing (the co-op's rules, the DCO). */
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    /** Whose it is: an organization's quote or retainer, or a person's own paper. */
    organizationId: uuid('organization_id'),
    personId: uuid('person_id'),
    /** The Markdown the PDF was set from, after the template was filled. */
    body: text('body').notNull(),
    /** SHA-256 of the filled Markdown: the text that binds, printed on every page of the PDF. */
    sha256: char('sha256', { length: 64 }).notNull(),
    pdf: bytea('pdf').notNull(),
    /** SHA-256 of the PDF's bytes, to check a downloaded copy. */
    pdfSha256: char('pdf_sha256', { length: 64 }).notNull(),
    createdAt: createdAtColumn(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    unique('document_versions_coop_id_key').on(t.coopId, t.id),
    index('document_versions_subject_idx').on(t.coopId, t.subjectType, t.subjectId),
    index('document_versions_organization_idx').on(t.coopId, t.organizationId),
  ],
);

/** Who accepted which document version (its hash), when and from where. */
export const documentAcceptances = pgTable(
  'document_acceptances',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    documentVersionId: uuid('document_version_id').notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    organizationId: uuid('organization_id'),
    /** A signed-in member; null for a buyer who accepted through a quote's link. */
    personId: uuid('person_id'),
    name: text('name').notNull(),
    email: text('email').notNull(),
    /** The signer's title at their organization ("Head of Procurement"). */
    role: text('role'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    unique('document_acceptances_coop_id_key').on(t.coopId, t.id),
    index('document_acceptances_organization_idx').on(t.coopId, t.organizationId),
    index('document_acceptances_person_idx').on(t.coopId, t.personId),
    index('document_acceptances_version_idx').on(t.coopId, t.documentVersionId),
    foreignKey({
      columns: [t.coopId, t.documentVersionId],
      foreignColumns: [documentVersions.coopId, documentVersions.id],
    }),
  ],
);
