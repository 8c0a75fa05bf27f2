import fs from 'node:fs';
import { and, desc, eq } from 'drizzle-orm';
import { requireCoopId, withDatabase } from '../../cli/database.ts';
import { notFound } from '../../platform/errors.ts';
import { proofOfEvent } from '../queries.ts';
import { transparencyLeaves } from '../schema.ts';

/**
 * `coop log prove RECORD`: writes a record's proof file (the leaf, the record behind it, the
 * inclusion proof and the signed checkpoint). RECORD is an event's sequence number, or
 * `type:subjectId` for the latest such event (`poll.closed:<poll id>`).
 */
export async function prove(record: string, options: { out?: string }): Promise<void> {
  await withDatabase('log prove', async (database, config) => {
    const coopId = await requireCoopId(database);
    const { db } = database;
    let seq = /^\d+$/.test(record) ? Number(record) : undefined;
    if (seq === undefined) {
      const colon = record.indexOf(':');
      const [leaf] = await db
        .select({ seq: transparencyLeaves.eventSeq })
        .from(transparencyLeaves)
        .where(
          and(
            eq(transparencyLeaves.coopId, coopId),
            eq(transparencyLeaves.eventType, record.slice(0, colon)),
            eq(transparencyLeaves.subjectId, record.slice(colon + 1)),
          ),
        )
        .orderBy(desc(transparencyLeaves.leafIndex))
        .limit(1);
      if (colon < 0 || !leaf) throw notFound(`a logged record ${record}`);
      seq = leaf.seq;
    }
    const bundle = await proofOfEvent(db, coopId, seq, {
      withRecord: true,
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
