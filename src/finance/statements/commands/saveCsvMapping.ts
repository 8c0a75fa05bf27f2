import { z } from 'zod';
import type { CommandContext } from '../../../platform/commands.ts';
import { badRequest } from '../../../platform/errors.ts';
import { appendEvent } from '../../../platform/events.ts';
import { authorize } from '../../../platform/policy.ts';
import { parseInput } from '../../../platform/validation.ts';
import { financePolicy } from '../../policy.ts';
import { resolveAccounts } from '../../repository.ts';
import { csvMappings } from '../../schema.ts';
import { csvMappingSchema } from '../csvMapping.ts';

export const csvMappingInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    /** The bank's ledger account (code or path) the mapping imports into. */
    account: z.string().trim().min(1).max(200),
    mapping: csvMappingSchema,
  })
  .meta({ id: 'SavedCsvMapping' });

/** Saves a bank's CSV column mapping under a name; saving the same name replaces it. */
export async function saveCsvMapping(
  ctx: CommandContext,
  rawInput: z.input<typeof csvMappingInputSchema>,
): Promise<{ id: string }> {
  authorize(ctx.actor, financePolicy.keepBooks, undefined, 'The chief economist keeps the books.');
  const input = parseInput(csvMappingInputSchema, rawInput);
  const coopId = ctx.actor.coopId;
  return ctx.db.transaction(async (tx) => {
    const account = (
      await resolveAccounts(tx, coopId, [{ name: input.account, pointer: '/account' }])
    ).get(input.account)!;
    if (account.type !== 'asset')
      throw badRequest(`${account.path} is not a bank (asset) account.`, [
        { pointer: '/account', message: 'a bank statement belongs to an asset account' },
      ]);
    const [row] = await tx
      .insert(csvMappings)
      .values({ coopId, accountId: account.id, name: input.name, mapping: input.mapping })
      .onConflictDoUpdate({
        target: [csvMappings.coopId, csvMappings.name],
        set: { accountId: account.id, mapping: input.mapping },
      })
      .returning({ id: csvMappings.id });
    await appendEvent(tx, {
      coopId,
      type: 'ledger.csv-mapping-saved',
      actorId: ctx.actor.personId,
      subjectType: 'csv-mapping',
      subjectId: row!.id,
      data: { name: input.name, account: account.path, mapping: input.mapping },
    });
    return { id: row!.id };
  });
}
