import fs from 'node:fs';
import { restoreBackup, writeBackup } from '../../platform/db/backup.ts';
import { withDatabase } from '../database.ts';

/** `coop backup FILE`. */
export async function backup(file: string): Promise<void> {
  await withDatabase('backup', async ({ db }) => {
    const summary = await writeBackup(db, file);
    const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
    console.log(
      `Backed up ${rows} rows from ${Object.keys(summary.tables).length} tables to ${file}.`,
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
      `Restored ${rows} rows into ${Object.keys(summary.tables).length} tables from ${file}.`,
    );
  });
}
