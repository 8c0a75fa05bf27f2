import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db/database.ts';
import { conflict } from '../platform/errors.ts';
import { isAdmin, isOfficer } from '../platform/policy.ts';
import { loadActor } from './repository.ts';
import { memberships, people } from './schema.ts';

/** What a status or rights change must know of the person it is about. */
export interface Standing {
  personId: string;
  /** An active administrator or a serving officer: changed only by an administrator. */
  official: boolean;
  activeAdmin: boolean;
}

export async function standingOf(
  tx: Tx,
  coopId: string,
  personId: string,
  today: string,
): Promise<Standing | undefined> {
  const person = await loadActor(tx, coopId, personId, today);
  if (!person) return undefined;
  const activeAdmin = isAdmin(person);
  return { personId, official: activeAdmin || isOfficer(person), activeAdmin };
}

/**
 * Refuses a change that would leave the co-op without an active administrator. The rows of
 * every administrator are locked first, in one order, so two administrators removing each
 * other at the same instant are serialised and the second is refused.
 */
export async function keepOneAdministrator(tx: Tx, coopId: string, leaving: string): Promise<void> {
  const admins = await tx
    .select({
      id: people.id,
      active: sql<boolean>`${memberships.status} = 'active'`,
    })
    .from(people)
    .leftJoin(
      memberships,
      and(eq(memberships.coopId, people.coopId), eq(memberships.personId, people.id)),
    )
    .where(and(eq(people.coopId, coopId), eq(people.isAdmin, true)))
    .orderBy(asc(people.id))
    .for('update', { of: people });
  const active = admins.filter((a) => a.active);
  if (active.some((a) => a.id === leaving) && active.length === 1)
    throw conflict(
      'This is the last active administrator: make someone else an administrator first.',
    ).because('administrator.last');
}
