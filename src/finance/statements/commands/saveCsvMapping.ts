import { z } from 'zod';
import { defineCommand } from '../../../platform/commands.ts';
import { badRequest } from '../../../platform/errors.ts';
import { financePolicy } from '../../policy.ts';
import { resolveAccounts } from '../../repository.ts';
import { csvMappings } from '../../schema.ts';
import { csvMappingSchema } from '../csvMapping.ts';
import { csvMappingSaved } from '../events.ts';

export const csvMappingInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    /** The bank's ledger account (code or path) the mapping imports into. */
    account: z.string().trim().min(1).max(200),
    mapping: csvMappingSchema,
  })
  .meta({ id: 'SavedCsvMapping' });

/** Saves a bank's CSV column mapping under a name; saving the same name replaces it. */
export const saveCsvMapping = defineCommand({
  name: 'finance.saveCsvMapping',
  input: csvMappingInputSchema,
  policy: financePolicy.keepBooks,
  denied: 'The chief economist keeps the books.',
  events: [csvMappingSaved],
  async run(tx, input, ctx): Promise<{ id: string }> {
    const coopId = ctx.coopId;
    const account = (
      await resolveAccounts(tx, coopId, [{ name: input.account, pointer: '/account' }])
    ).get(input.account)!;
    if (account.type !== 'asset')
      throw badRequest(`${account.path} is not a bank (asset) account.`, [
        { pointer: '/account', message: 'a bank statement belongs to an asset account' },
      ]).because('account.wrong-type', {
        account: account.path,
        accountType: account.type,
        wantedAccountType: 'asset',
      });
    const [row] = await tx
      .insert(csvMappings)
      .values({ coopId, accountId: account.id, name: input.name, mapping: input.mapping })
      .onConflictDoUpdate({
        target: [csvMappings.coopId, csvMappings.name],
        set: { accountId: account.id, mapping: input.mapping },
      })
      .returning({ id: csvMappings.id });
    await ctx.emit(csvMappingSaved, row!.id, {
      name: input.name,
      account: account.path,
      mapping: input.mapping,
    });
    return { id: row!.id };
  },
});
