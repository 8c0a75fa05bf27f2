import { coopCurrency as currencyOf } from '../../coop/queries.ts';
import { recordLedgerFunding } from '../../governance/commands/recordLedgerFunding.ts';
import { assertOrganizationExists } from '../../organizations/queries.ts';
import { defineCommand, runCommand } from '../../platform/commands.ts';
import { parseAmount } from '../../platform/money/amount.ts';
import { entryPosted } from '../events.ts';
import { ledgerError } from '../ledgerErrors.ts';
import { financePolicy } from '../policy.ts';
import { insertEntry } from './postEntry.ts';
import { sponsorPaymentInputSchema } from '../sponsorPaymentInput.ts';
import { entryFact } from '../entryFacts.ts';

/**
 * A sponsor's payment: the entry (bank against sponsorship income) and the funding row that
 * weights the sponsor's vote, in one transaction, the funding row (governance's, recorded by its
 * `recordLedgerFunding`) pointing at its entry. The vote's weight and the books cannot disagree.
 */
export const recordSponsorPayment = defineCommand({
  name: 'finance.recordSponsorPayment',
  input: sponsorPaymentInputSchema,
  policy: financePolicy.keepBooks,
  denied: 'The chief economist records payments.',
  events: [entryPosted],
  async run(tx, p, ctx) {
    await assertOrganizationExists(tx, ctx.coopId, p.organizationId);
    const coopCurrency = await currencyOf(tx, ctx.coopId);
    const currency = p.currency ?? coopCurrency;
    const foreign = currency !== coopCurrency ? { coopAmount: p.coopAmount } : {};
    const entry = await insertEntry(tx, ctx, {
      effectiveOn: p.receivedOn,
      kind: 'payment',
      description: `Sponsor payment${p.reference ? ` ${p.reference}` : ''}`,
      fact: entryFact('sponsor-payment', { reference: p.reference }),
      sourceType: 'organization',
      sourceId: p.organizationId,
      postings: [
        { account: p.bankAccount, amount: p.amount, currency, ...foreign },
        {
          account: p.incomeAccount,
          amount: `-${p.amount}`,
          currency,
          ...(p.coopAmount ? { coopAmount: `-${p.coopAmount}` } : {}),
        },
      ],
    });
    await runCommand(
      recordLedgerFunding,
      {
        organizationId: p.organizationId,
        receivedOn: p.receivedOn,
        amountMinor: parseAmount(p.amount, currency),
        currency,
        coopAmountMinor: parseAmount(
          currency === coopCurrency ? p.amount : p.coopAmount!,
          coopCurrency,
        ),
        entryId: entry.id,
        note: p.reference,
      },
      { ...ctx, tx },
    );
    return entry;
  },
  mapError: ledgerError,
});
