import { and, eq, ne } from 'drizzle-orm';
import { coopCurrency as currencyOf } from '../../../coop/queries.ts';
import type { RunContext } from '../../../platform/commands.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { badRequest, conflict, notFound } from '../../../platform/errors.ts';
import { insertEntry } from '../../commands/postEntry.ts';
import { coopAmountMissing } from '../../coopAmountRule.ts';
import { entryFact, type EntryFact } from '../../entryFacts.ts';
import { resolveAccounts } from '../../repository.ts';
import { accounts, bankLines } from '../../schema.ts';
import { minorToDecimal } from '../parsers/amounts.ts';

export type BankLineRow = typeof bankLines.$inferSelect;

/** The line, locked for the command's transaction, with its bank account's code and path. */
export async function lockBankLine(tx: Tx, coopId: string, lineId: string) {
  const [line] = await tx
    .select()
    .from(bankLines)
    .where(and(eq(bankLines.coopId, coopId), eq(bankLines.id, lineId)))
    .for('update');
  if (!line) throw notFound('This bank line');
  const [bank] = await tx
    .select({ code: accounts.code, path: accounts.path })
    .from(accounts)
    .where(and(eq(accounts.coopId, coopId), eq(accounts.id, line.accountId)));
  return { line: { ...line, currency: line.currency.trim() }, bank: bank! };
}

/** What is done to a line, as its refusal says it (and names it for the web). */
const doings = {
  ignore: { words: 'ignored', code: 'bank-line.cannot-ignore' },
  confirm: { words: 'confirmed (only a suggested match can be)', code: 'bank-line.cannot-confirm' },
  book: { words: 'booked', code: 'bank-line.cannot-book' },
} as const;

export function assertStatus(
  line: BankLineRow,
  allowed: BankLineRow['status'][],
  doing: keyof typeof doings,
) {
  if (!allowed.includes(line.status))
    throw conflict(
      `This bank line is ${line.status}${line.matchedEntryId ? ` (entry ${line.matchedEntryId})` : ''}: it cannot be ${doings[doing].words}.`,
    ).because(doings[doing].code, { lineStatus: line.status });
}

/** An entry settles one bank line: a second line claiming it is refused. */
export async function assertEntryFree(tx: Tx, coopId: string, entryId: string, lineId: string) {
  const [other] = await tx
    .select({ id: bankLines.id })
    .from(bankLines)
    .where(
      and(
        eq(bankLines.coopId, coopId),
        eq(bankLines.matchedEntryId, entryId),
        ne(bankLines.id, lineId),
      ),
    )
    .limit(1);
  if (other)
    throw conflict(`That entry already settles another bank line (${other.id}).`).because(
      'bank-line.entry-taken',
    );
}

export async function markMatched(
  tx: Tx,
  ctx: RunContext,
  lineId: string,
  entryId: string,
  suggestion: unknown,
) {
  await tx
    .update(bankLines)
    .set({ status: 'matched', matchedEntryId: entryId, matchedAt: ctx.clock.now(), suggestion })
    .where(and(eq(bankLines.coopId, ctx.coopId), eq(bankLines.id, lineId)));
}

/**
 * Posts the line's entry: its bank account against the account named, on the day the bank
 * booked it; a line in another currency needs its amount in the co-op's currency. The running
 * command declares `entryPosted`.
 */
export async function postAgainst(
  tx: Tx,
  ctx: RunContext,
  line: BankLineRow,
  bank: { code: string; path: string },
  input: {
    account: string;
    description?: string | undefined;
    /** The description as facts, when the co-op words it rather than a person or the bank. */
    fact?: EntryFact;
    coopAmount?: string | undefined;
  },
) {
  const coopId = ctx.coopId;
  const other = (
    await resolveAccounts(tx, coopId, [{ name: input.account, pointer: '/account' }])
  ).get(input.account)!;
  if (other.code === bank.code)
    throw badRequest('Book the line against another account than its own bank account.', [
      { pointer: '/account', message: `${other.path} is the statement’s own account` },
    ]).because('bank-line.own-account', { account: other.path });
  const coopCurrency = await currencyOf(tx, coopId);
  const foreign = line.currency !== coopCurrency;
  const missing = coopAmountMissing('bank-line', {
    currency: line.currency,
    coopCurrency,
    coopAmount: input.coopAmount,
  });
  if (missing) throw missing;
  const amount = minorToDecimal(line.amountMinor, line.currency);
  const negate = (a: string) => (a.startsWith('-') ? a.slice(1) : `-${a}`);
  const coop =
    foreign && input.coopAmount
      ? line.amountMinor < 0n
        ? negate(input.coopAmount)
        : input.coopAmount
      : undefined;
  // The bank's own words are kept as the bank wrote them; only a line without any is worded here.
  const bankWords = [line.counterparty, line.description].filter(Boolean).join(': ').slice(0, 500);
  const fact =
    input.fact ??
    (input.description || bankWords
      ? undefined
      : entryFact('bank-line', { bookedOn: line.bookedOn }));
  const description = input.description ?? (bankWords || `Bank line of ${line.bookedOn}`);
  const entry = await insertEntry(tx, ctx, {
    effectiveOn: line.bookedOn,
    kind: 'bank',
    description,
    ...(fact ? { fact } : {}),
    sourceType: 'bank-line',
    sourceId: line.id,
    postings: [
      {
        account: bank.code,
        amount,
        currency: line.currency,
        ...(coop ? { coopAmount: coop } : {}),
      },
      {
        account: other.code,
        amount: negate(amount),
        currency: line.currency,
        ...(coop ? { coopAmount: negate(coop) } : {}),
      },
    ],
  });
  return { entry, other };
}
