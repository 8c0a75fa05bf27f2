import { trialBalance } from '../../finance/queries.ts';
import { requireCoopId, withDatabase } from '../database.ts';

/** `coop report trial-balance [--at DATE] [--json]`. */
export async function reportTrialBalance(options: { at?: string; json?: boolean }): Promise<void> {
  await withDatabase('report trial-balance', async (database) => {
    const at = options.at ?? new Date().toISOString().slice(0, 10);
    const rows = await trialBalance(database.db, await requireCoopId(database), at);
    const accounts = rows.map((r) => ({
      account: r.account,
      currency: r.currency,
      balance_minor: Number(r.balance_minor),
    }));
    if (options.json) {
      console.log(JSON.stringify({ at, accounts }));
      return;
    }
    console.log(`Trial balance at ${at}`);
    for (const a of accounts)
      console.log(`${a.account.padEnd(40)} ${String(a.balance_minor).padStart(16)} ${a.currency}`);
  });
}
