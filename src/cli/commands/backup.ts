import fs from 'node:fs';
import { restoreBackup, writeBackup } from '../../platform/db/backup.ts';
import { requireCoopId, withDatabase } from '../database.ts';
import { selectedCoopSlug } from '../selectedCoop.ts';

/** `coop backup FILE`: the whole database, or with `--coop SLUG` that co-op alone. */
export async function backup(file: string): Promise<void> {
  await withDatabase('backup', async (database) => {
    const coopId = selectedCoopSlug() ? await requireCoopId(database) : undefined;
    const summary = await writeBackup(database.db, file, coopId ? { coopId } : {});
    const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
    console.log(
      `Backed up ${rows} rows from ${Object.keys(summary.tables).length} tables${
        summary.coop ? ` of ${summary.coop.slug}` : ''
      } to ${file}.`,
    );
  });
}

/** `coop restore FILE`. */
export async function restore(file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  await withDatabase('restore', async ({ db }) => {
    const summary = await restoreBackup(db, file);
    const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
    console.log(
      `Restored ${rows} rows into ${Object.keys(summary.tables).length} tables${
        summary.coop ? ` of ${summary.coop.slug} (the other co-ops are untouched)` : ''
      } from ${file}.`,
    );
  });
}
