import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { coopCurrency as currencyOf } from '../../coop/queries.ts';
import { defineCommand } from '../../platform/commands.ts';
import { amountRefusal } from '../amountRefusal.ts';
import { queryRows } from '../../platform/db/rows.ts';
import { badRequest } from '../../platform/errors.ts';
import { AmountError, formatAmount, parseAmount } from '../../platform/money/amount.ts';
import { currencySchema } from '../../platform/money/currency.ts';
import { entryPosted } from '../events.ts';
import { ledgerError } from '../ledgerErrors.ts';
import { financePolicy } from '../policy.ts';
import { resolveAccounts } from '../repository.ts';
import { insertEntry } from './postEntry.ts';
import { schemaWords } from '../../platform/http/validationMessages.ts';
import { entryFact } from '../entryFacts.ts';

const positive = z
  .string()
  .regex(/^\d{1,15}(\.\d+)?$/, schemaWords('positiveAmountLike', { example: '1000.00' }));

export const settlementInputSchema = z
  .strictObject({
    /** The receivable or payable carrying the foreign amount (e.g. assets:receivables). */
    account: z.string().min(1).max(200),
    currency: currencySchema,
    /** The foreign amount settled. */
    amount: positive,
    /** What it came to in the co-op's currency on the day (received or paid). */
    coopAmount: positive,
    bankAccount: z.string().default('assets:bank:operating'),
    effectiveOn: z.iso.date(),
    description: z.string().trim().min(1).max(500).default('Settlement'),
  })
  .meta({ id: 'ForeignSettlement' });

/**
 * Settles a foreign-currency receivable (money in) or payable (money out). The account gives
 * up the amount at the value it carries (its co-op-currency balance in proportion); the bank
 * takes it at the day's value; the difference is the realised exchange gain or loss, booked as
 * a posting of no foreign amount and the difference's co-op value, so that the entry balances
 * in both currencies.
 */
export const settleForeign = defineCommand({
  name: 'finance.settleForeign',
  input: settlementInputSchema,
  policy: financePolicy.keepBooks,
  events: [entryPosted],
  async run(tx, p, ctx) {
    const coopId = ctx.coopId;
    const coopCurrency = await currencyOf(tx, coopId);
    if (p.currency === coopCurrency)
      throw badRequest(`Nothing to realise: ${coopCurrency} is the co-op's currency.`, [
        { pointer: '/currency', message: 'a foreign currency' },
      ]).because('settlement.home-currency', { currency: coopCurrency });
    const account = (
      await resolveAccounts(tx, coopId, [{ name: p.account, pointer: '/account' }])
    ).get(p.account)!;
    let amount: bigint;
    let received: bigint;
    try {
      amount = parseAmount(p.amount, p.currency);
    } catch (error) {
      if (error instanceof AmountError)
        throw amountRefusal(p.amount, p.currency, '/amount', error.message);
      throw error;
    }
    try {
      received = parseAmount(p.coopAmount, coopCurrency);
    } catch (error) {
      if (error instanceof AmountError)
        throw amountRefusal(p.coopAmount, coopCurrency, '/coopAmount', error.message);
      throw error;
    }
    const [carried] = await queryRows<{ amount: string; coop: string }>(
      tx,
      sql`select coalesce(sum(amount_minor), 0)::text as amount, coalesce(sum(coop_amount_minor), 0)::text as coop
            from postings where coop_id = ${coopId} and account_id = ${account.id} and currency = ${p.currency}`,
    );
    const balance = BigInt(carried!.amount);
    const balanceCoop = BigInt(carried!.coop);
    // A receivable carries a debit balance (money to come in), a payable a credit one.
    const incoming = balance > 0n;
    const open = incoming ? balance : -balance;
    if (open < amount)
      throw badRequest(
        `${account.path} carries ${formatAmount(open, p.currency)} ${p.currency}; it cannot settle ${p.amount}.`,
        [{ pointer: '/amount', message: 'more than is open' }],
      ).because('settlement.more-than-open', {
        account: account.path,
        openMinor: String(open),
        amountMinor: String(amount),
        currency: p.currency,
      });
    const carriedCoop = ((incoming ? balanceCoop : -balanceCoop) * amount) / open;
    const sign = incoming ? 1n : -1n;
    // Money in: a gain when more came in than carried; money out: a gain when less went out.
    const gain = incoming ? received - carriedCoop : carriedCoop - received;
    const fx = (coop: bigint) => ({
      amount: formatAmount(0n, p.currency),
      currency: p.currency,
      coopAmount: formatAmount(coop, coopCurrency),
    });
    const gainsAccount = gain >= 0n ? 'income:exchange-gains' : 'expenses:exchange-losses';
    const entry = await insertEntry(tx, ctx, {
      effectiveOn: p.effectiveOn,
      kind: 'settlement',
      description: p.description,
      postings: [
        {
          account: p.bankAccount,
          amount: formatAmount(sign * amount, p.currency),
          currency: p.currency,
          coopAmount: formatAmount(sign * received, coopCurrency),
        },
        {
          account: account.path,
          amount: formatAmount(-sign * amount, p.currency),
          currency: p.currency,
          coopAmount: formatAmount(-sign * carriedCoop, coopCurrency),
        },
        ...(gain === 0n
          ? []
          : [
              {
                account: gainsAccount,
                ...fx(-gain),
                memo: `realised exchange ${gain > 0n ? 'gain' : 'loss'}`,
                memoFact: entryFact(gain > 0n ? 'exchange-gain' : 'exchange-loss'),
              },
            ]),
      ],
    });
    return { ...entry, realisedMinor: gain.toString() };
  },
  mapError: ledgerError,
});
