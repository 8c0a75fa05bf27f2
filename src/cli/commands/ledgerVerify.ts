import { verifyBalances } from '../../finance/queries.ts';
import { requireCoopId, withDatabase } from '../database.ts';

/** `coop ledger verify`: exit status 1 when a kept balance differs from the postings. */
export async function ledgerVerify(): Promise<void> {
  await withDatabase('ledger verify', async (database) => {
    const differences = await verifyBalances(database.db, await requireCoopId(database));
    if (differences.length === 0) {
      console.log('The kept balances equal the balances recomputed from the postings.');
      return;
    }
    for (const d of differences)
      console.error(
        `${d.table} ${d.account} ${d.currency} ${d.period}: kept ${d.kept}, recomputed ${d.recomputed}`,
      );
    process.exitCode = 1;
  });
}
