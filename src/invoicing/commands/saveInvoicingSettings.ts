import { defineCommand } from '../../platform/commands.ts';
import { parseAmount } from '../../platform/money/amount.ts';
import { invoicingSettingsChanged } from '../events.ts';
import { invoicingPolicy } from '../policy.ts';
import { invoicingSettingsOf } from '../repository.ts';
import { invoicingSettings } from '../schema.ts';
import { invoicingSettingsSchema } from '../settingsInput.ts';

/** Seller details (the late fee in cents of the invoice's currency, read as two decimals), numbering prefixes, payment terms, rounding rule and dunning stages. */
export const saveInvoicingSettings = defineCommand({
  name: 'invoicing.saveSettings',
  input: invoicingSettingsSchema,
  policy: invoicingPolicy.configure,
  denied: 'The chief economist sets up invoicing.',
  events: [invoicingSettingsChanged],
  async run(tx, input, ctx) {
    const current = await invoicingSettingsOf(tx, ctx.coopId);
    const { lateFee, ...fields } = input;
    const next = {
      ...current,
      ...fields,
      ...(lateFee !== undefined
        ? { lateFeeMinor: lateFee === null ? null : parseAmount(lateFee, 'EUR') }
        : {}),
      coopId: ctx.coopId,
      updatedAt: ctx.clock.now(),
    };
    await tx
      .insert(invoicingSettings)
      .values(next)
      .onConflictDoUpdate({ target: invoicingSettings.coopId, set: next });
    await ctx.emit(invoicingSettingsChanged, ctx.coopId, { fields: Object.keys(input) });
    return next;
  },
});
