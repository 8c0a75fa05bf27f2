import { closeYear } from '../../finance/yearEnd/closeYear.ts';
import { operatorActor } from '../../platform/actor.ts';
import { runCommand } from '../../platform/commands.ts';
import { requireCoopId, withDatabase } from '../database.ts';

/** `coop year-end close YEAR [--dry-run] [--json]`. */
export async function yearEndClose(
  fiscalYear: number,
  options: { dryRun?: boolean; json?: boolean },
): Promise<void> {
  await withDatabase('year-end close', async (database, config) => {
    const coopId = await requireCoopId(database);
    const result = await runCommand(
      closeYear,
      { fiscalYear, dryRun: Boolean(options.dryRun) },
      { db: database.db, actor: operatorActor(coopId), publicUrl: config.publicUrl },
    );
    if (options.json) {
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    console.log(
      `Fiscal year ${fiscalYear} (${result.fromDay} to ${result.toDay})${result.dryRun ? ', dry run: nothing posted' : ''}`,
    );
    for (const step of (result.plan as { steps: string[] }).steps) console.log(`  ${step}`);
    if (!result.dryRun)
      console.log(
        `Posted entries ${result.entries.map((e) => e.number).join(', ') || '(none)'}; the year is locked.`,
      );
  });
}
