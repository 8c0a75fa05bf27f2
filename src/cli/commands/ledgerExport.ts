import { exportLedger, type ExportFormat } from '../../finance/exports.ts';
import { requireCoopId, withDatabase } from '../database.ts';

/** `coop ledger export --format F [--from DATE] [--to DATE]`, to stdout. */
export async function ledgerExport(options: {
  format: ExportFormat;
  from?: string;
  to?: string;
}): Promise<void> {
  await withDatabase('ledger export', async (database) => {
    const coopId = await requireCoopId(database);
    for await (const chunk of exportLedger(database.db, coopId, options.format, options)) {
      if (!process.stdout.write(chunk))
        await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
  });
}
