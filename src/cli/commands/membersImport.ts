import fs from 'node:fs';
import { importMembers } from '../../members/commands/importMembers.ts';
import { operatorActor } from '../../platform/actor.ts';
import { runCommand } from '../../platform/commands.ts';
import { csvLine } from '../../platform/csv.ts';
import { requireCoopId, withDatabase } from '../database.ts';

/** `coop members import FILE.csv [--codes-out CODES.csv]`. */
export async function membersImport(file: string, options: { codesOut?: string }): Promise<void> {
  const text = fs.readFileSync(file, 'utf8');
  await withDatabase('members import', async (database, config) => {
    const coopId = await requireCoopId(database);
    const result = await runCommand(
      importMembers,
      { csv: text, mailCodes: !options.codesOut },
      { db: database.db, actor: operatorActor(coopId), publicUrl: config.publicUrl },
    );
    if (options.codesOut) {
      const lines = [['email', 'code'], ...result.created.map((c) => [c.email, c.code])];
      fs.writeFileSync(options.codesOut, lines.map(csvLine).join(''), { mode: 0o600 });
    }
    console.log(
      `Imported ${result.created.length} new member(s); ${result.unchanged.length} already existed and were left unchanged.` +
        (result.organizationsCreated.length
          ? `\nNew organizations: ${result.organizationsCreated.join(', ')}.`
          : '') +
        (result.created.length === 0
          ? ''
          : options.codesOut
            ? `\nRegistration codes written to ${options.codesOut}.`
            : '\nRegistration codes were mailed (see the outbox if no SMTP server is configured).'),
    );
  });
}
