import { systemClock } from '../../platform/clock.ts';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import type { TestApp } from '../../testing/testApp.ts';
import { accounts } from '../schema.ts';
import { statementRoutes } from './routes.ts';

/**
 * Registers the statement routes on a test app unless the app already has them (once they are
 * wired into src/routes.ts). Call before the app's first request.
 */
export function withStatementRoutes(app: TestApp): void {
  if (!app.app.hasRoute({ method: 'POST', url: '/api/ledger/statements' }))
    statementRoutes(app.app, { database: app.database, config: app.config, clock: systemClock });
}

/** A bank account under assets:bank, as a treasurer adds one to the chart. */
export async function addBankAccount(db: Executor, coopId: string, code: string, name: string) {
  const [parent] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.coopId, coopId), eq(accounts.path, 'assets:bank')));
  await db
    .insert(accounts)
    .values({ coopId, code, path: `assets:bank:${name}`, type: 'asset', parentId: parent!.id });
}
