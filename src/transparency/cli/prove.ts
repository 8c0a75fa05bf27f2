import fs from 'node:fs';
import { requireCoopId, withDatabase } from '../../cli/database.ts';
import { loggedEventOf, proofOfEvent } from '../queries.ts';

/**
 * `coop log prove RECORD`: writes a record's proof file (the leaf, the record behind it, the
 * inclusion proof and the signed checkpoint). RECORD is an event's sequence number, or
 * `type:subjectId` for the latest such event (`poll.closed:<poll id>`,
 * `invoice.finalized:<invoice id>`, `dividend.declared:<dividend id>`). A tally's file carries
 * its published ballots, which `coop log check` hashes and counts again.
 */
export async function prove(record: string, options: { out?: string }): Promise<void> {
  await withDatabase('log prove', async (database, config) => {
    const coopId = await requireCoopId(database);
    const { db } = database;
    const bundle = await proofOfEvent(db, coopId, await loggedEventOf(db, coopId, record), {
      withRecord: true,
      withBallots: true,
      publicUrl: config.publicUrl,
    });
    const text = `${JSON.stringify(bundle, null, 2)}\n`;
    if (options.out) {
      fs.writeFileSync(options.out, text);
      console.log(
        `leaf ${bundle.leafIndex} of ${bundle.origin}, proof for size ${bundle.treeSize} written to ${options.out}`,
      );
    } else process.stdout.write(text);
  });
}
