import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { coopIdColumn } from '../platform/db/schema.ts';

/** Every amendment is a new row; old versions stay readable. */
export const bylawsVersions = pgTable(
  'bylaws_versions',
  {
    coopId: coopIdColumn(),
    version: integer('version').notNull(),
    document: jsonb('document').notNull(),
    summary: text('summary').notNull(),
    adoptedBy: uuid('adopted_by'),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.version] })],
);
