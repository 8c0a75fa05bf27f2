import { coopCurrency as currencyOf } from '../../coop/queries.ts';
import { defineCommand, type RunContext } from '../../platform/commands.ts';
import type { Tx } from '../../platform/db/database.ts';
import { badRequest, type FieldError } from '../../platform/errors.ts';
import { AmountError, parseAmount } from '../../platform/money/amount.ts';
import { parseInput } from '../../platform/validation.ts';
import { amountFact } from '../amountRefusal.ts';
import { ledgerError } from '../ledgerErrors.ts';
import { financePolicy } from '../policy.ts';
import { resolveAccounts } from '../repository.ts';
import type { EntryFact } from '../entryFacts.ts';
import { entryPosted } from '../events.ts';
import { journalEntries, postings } from '../schema.ts';
import { entryInputSchema, type EntryInput } from '../entryInput.ts';

/**
 * An entry the co-op writes by itself: its description, and any posting's memo, come with the
 * same words as facts (see entryFacts.ts). Not part of the API's input: a person types words.
 */
export type SystemEntryInput = Omit<EntryInput, 'postings'> & {
  fact?: EntryFact;
  postings: (EntryInput['postings'][number] & { memoFact?: EntryFact | null })[];
};

/** The rate as a decimal string with 8 places: co-op currency per unit, from exact minor amounts. */
const rateOf = (coopMinor: bigint, minor: bigint): string => {
  const scaled = (coopMinor * 10n ** 8n) / minor;
  const abs = (scaled < 0n ? -scaled : scaled).toString().padStart(9, '0');
  return `${abs.slice(0, -8)}.${abs.slice(-8)}`;
};

/**
 * Writes an entry and its postings in the running command's transaction; the command declares
 * `entryPosted` among its events. Balance, dates and locks are the database's to check (at
 * commit); amounts are checked here, per posting, by currency.
 */
export async function insertEntry(
  tx: Tx,
  ctx: RunContext,
  input: SystemEntryInput,
  extra: { reversesEntryId?: string } = {},
): Promise<{ id: string; number: number }> {
  const { coopId } = ctx;
  const { fact, postings: given, ...typed } = input;
  const entry = parseInput(entryInputSchema, {
    ...typed,
    postings: given.map(({ memoFact: _, ...p }) => p),
  });
  const memoFacts = given.map((p) => p.memoFact ?? null);
  const coopCurrency = await currencyOf(tx, coopId);
  const byName = await resolveAccounts(
    tx,
    coopId,
    entry.postings.map((p, i) => ({ name: p.account, pointer: `/postings/${i}/account` })),
  );
  const problems: FieldError[] = [];
  const rows = entry.postings.flatMap((p, i) => {
    const currency = p.currency ?? coopCurrency;
    try {
      const amountMinor = parseAmount(p.amount, currency);
      if (currency !== coopCurrency && p.coopAmount === undefined) {
        problems.push({
          pointer: `/postings/${i}/coopAmount`,
          message: `required: the amount in ${coopCurrency}`,
          code: 'coop-amount.required',
          params: { foreign: currency, currency: coopCurrency },
        });
        return [];
      }
      const coopAmountMinor =
        currency === coopCurrency ? amountMinor : parseAmount(p.coopAmount!, coopCurrency);
      if (amountMinor < 0n !== coopAmountMinor < 0n && amountMinor !== 0n)
        problems.push({
          pointer: `/postings/${i}/coopAmount`,
          message: 'must have the sign of the amount',
          code: 'coop-amount.sign',
        });
      return [
        {
          coopId,
          accountId: byName.get(p.account)!.id,
          effectiveOn: entry.effectiveOn,
          amountMinor,
          currency,
          coopAmountMinor,
          rate:
            currency === coopCurrency || amountMinor === 0n
              ? null
              : rateOf(coopAmountMinor, amountMinor),
          rateOn: currency === coopCurrency ? null : (p.rateOn ?? entry.effectiveOn),
          rateSource: currency === coopCurrency ? null : (p.rateSource ?? 'entered'),
          memo: p.memo,
          memoFact: memoFacts[i] ?? null,
        },
      ];
    } catch (error) {
      if (!(error instanceof AmountError)) throw error;
      problems.push({
        pointer: `/postings/${i}/amount`,
        message: error.message,
        ...amountFact(p.amount, p.currency ?? coopCurrency),
      });
      return [];
    }
  });
  if (problems.length > 0)
    throw badRequest(
      problems.map((p) => `${p.pointer}: ${p.message}`).join('; '),
      problems,
    ).because('entry.postings', { count: problems.length });
  const [row] = await tx
    .insert(journalEntries)
    .values({
      coopId,
      effectiveOn: entry.effectiveOn,
      kind: entry.kind,
      description: entry.description,
      descriptionFact: fact ?? null,
      sourceType: entry.sourceType ?? null,
      sourceId: entry.sourceId ?? null,
      reversesEntryId: extra.reversesEntryId ?? null,
      createdBy: ctx.actor.personId,
    })
    .returning({ id: journalEntries.id, number: journalEntries.number });
  await tx.insert(postings).values(rows.map((r) => ({ ...r, entryId: row!.id })));
  await ctx.emit(entryPosted, row!.id, {
    number: row!.number,
    effectiveOn: entry.effectiveOn,
    kind: entry.kind,
    description: entry.description,
    postings: rows.map((r, i) => ({
      account: byName.get(entry.postings[i]!.account)!.path,
      amountMinor: r.amountMinor.toString(),
      currency: r.currency,
    })),
    reverses: extra.reversesEntryId ?? null,
  });
  return row!;
}

export const postEntry = defineCommand({
  name: 'finance.postEntry',
  input: entryInputSchema,
  policy: financePolicy.keepBooks,
  denied: 'The chief economist keeps the books.',
  events: [entryPosted],
  run: (tx, input, ctx) => insertEntry(tx, ctx, input),
  mapError: ledgerError,
});
