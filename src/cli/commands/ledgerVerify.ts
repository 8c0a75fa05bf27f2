import { verifyBalances, verifyLocks } from '../../finance/queries.ts';
import { requireCoopId, withDatabase } from '../database.ts';

/**
 * `coop ledger verify`: exit status 1 when a kept balance differs from the postings, or an
 * entry was recorded inside a locked period after its lock.
 */
export async function ledgerVerify(): Promise<void> {
  await withDatabase('ledger verify', async (database) => {
    const coopId = await requireCoopId(database);
    const differences = await verifyBalances(database.db, coopId);
    const late = await verifyLocks(database.db, coopId);
    if (differences.length === 0)
      console.log('The kept balances equal the balances recomputed from the postings.');
    for (const d of differences)
      console.error(
        `${d.table} ${d.account} ${d.currency} ${d.period}: kept ${d.kept}, recomputed ${d.recomputed}`,
      );
    if (late.length === 0)
      console.log('No entry was recorded inside a locked period after its lock.');
    for (const f of late) console.error(`locked period ${f.period}: ${f.problem}`);
    if (differences.length > 0 || late.length > 0) process.exitCode = 1;
  });
}
