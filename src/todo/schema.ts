import { boolean, foreignKey, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { people } from '../members/schema.ts';
import { coopIdColumn } from '../platform/db/schema.ts';

/** A member's choice about the weekly reminder digest; no row means the default, on. */
export const digestPreferences = pgTable(
  'digest_preferences',
  {
    coopId: coopIdColumn(),
    personId: uuid('person_id').notNull(),
    weekly: boolean('weekly').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.personId] }),
    foreignKey({ columns: [t.coopId, t.personId], foreignColumns: [people.coopId, people.id] }),
  ],
);
