import { and, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { badRequest } from '../platform/errors.ts';
import { coopChartTemplate } from './chartTemplate.ts';
import { accounts } from './schema.ts';

export type Account = typeof accounts.$inferSelect;

/** Seeds the chart of accounts; parents first, so each account links to its parent. */
export async function insertChart(tx: Executor, coopId: string): Promise<void> {
  const ids = new Map<string, string>();
  for (const a of coopChartTemplate) {
    const parent = a.path.includes(':')
      ? ids.get(a.path.slice(0, a.path.lastIndexOf(':')))
      : undefined;
    const [row] = await tx
      .insert(accounts)
      .values({ coopId, code: a.code, path: a.path, type: a.type, parentId: parent ?? null })
      .onConflictDoNothing()
      .returning({ id: accounts.id });
    if (row) ids.set(a.path, row.id);
  }
}

/** Accounts named by code or path; every unknown name is reported with where it was given. */
export async function resolveAccounts(
  tx: Executor,
  coopId: string,
  names: { name: string; pointer: string }[],
): Promise<Map<string, Account>> {
  const wanted = [...new Set(names.map((n) => n.name))];
  const found = wanted.length
    ? await tx
        .select()
        .from(accounts)
        .where(
          and(
            eq(accounts.coopId, coopId),
            or(inArray(accounts.code, wanted), inArray(accounts.path, wanted)),
          ),
        )
    : [];
  const byName = new Map<string, Account>();
  for (const a of found) {
    byName.set(a.code, a);
    byName.set(a.path, a);
  }
  const unknown = names.filter((n) => !byName.has(n.name));
  if (unknown.length > 0)
    throw badRequest(
      `Unknown account${unknown.length > 1 ? 's' : ''}: ${[...new Set(unknown.map((u) => u.name))].join(', ')}.`,
      unknown.map((u) => ({ pointer: u.pointer, message: `no account ${u.name}` })),
    ).because('account.unknown', { accounts: [...new Set(unknown.map((u) => u.name))].join(', ') });
  return byName;
}
