import type { Actor } from './actor.ts';
import type { Db, Tx } from './db/database.ts';

/** What every command receives: the database, who acts, and where links should point. */
export interface CommandContext {
  db: Db;
  actor: Actor;
  publicUrl: string;
  ip?: string | undefined;
}

/**
 * The write half of a command: its changes and their event commit together. Network I/O and
 * password hashing happen before this, because PGlite serialises everything behind an open
 * transaction.
 */
export const inTransaction = <T>(ctx: CommandContext, fn: (tx: Tx) => Promise<T>): Promise<T> =>
  ctx.db.transaction(fn);
