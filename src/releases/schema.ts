import {
  date,
  foreignKey,
  index,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { people } from '../members/schema.ts';
import { coopIdColumn, createdAtColumn } from '../platform/db/schema.ts';
import { releaseKinds } from './kinds.ts';

export { releaseKinds, type ReleaseKind } from './kinds.ts';

/** Planned until it takes effect (published) or is called off (withdrawn). */
export const releaseStates = ['planned', 'published', 'withdrawn'] as const;
export type ReleaseState = (typeof releaseStates)[number];

/**
 * A release or a planned change of one project: announced ahead with the day it is planned for,
 * so the sponsors whose topics it touches are consulted (through the concerns domain) and read
 * it in their digests.
 */
export const releases = pgTable(
  'releases',
  {
    coopId: coopIdColumn(),
    id: uuid('id').primaryKey().defaultRandom(),
    project: text('project').notNull(),
    /** A deprecation or an end of support may name no version of its own. */
    version: text('version'),
    kind: text('kind', { enum: releaseKinds }).notNull(),
    title: text('title').notNull(),
    /** Markdown, shown as text. */
    summary: text('summary').notNull().default(''),
    plannedOn: date('planned_on').notNull(),
    state: text('state', { enum: releaseStates }).notNull().default('planned'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    unique('releases_coop_id_key').on(t.coopId, t.id),
    index('releases_planned_idx').on(t.coopId, t.plannedOn),
    foreignKey({ columns: [t.coopId, t.createdBy], foreignColumns: [people.coopId, people.id] }),
  ],
);
