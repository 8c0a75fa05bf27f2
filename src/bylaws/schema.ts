import {
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { coopIdColumn } from '../platform/db/schema.ts';

/**
 * Every amendment is a new row; old versions stay readable. The version in force on a day is
 * the one with the latest effective date on or before it (the later version on a tie).
 */
export const bylawsVersions = pgTable(
  'bylaws_versions',
  {
    coopId: coopIdColumn(),
    version: integer('version').notNull(),
    document: jsonb('document').notNull(),
    summary: text('summary').notNull(),
    adoptedBy: uuid('adopted_by'),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }).notNull().defaultNow(),
    /** The day its rules take over; an amendment may be adopted now for the next fiscal year. */
    effectiveOn: date('effective_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.version] })],
);
