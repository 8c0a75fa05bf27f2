import { AppError, badRequest, conflict } from '../platform/errors.ts';
import { formatAmount } from '../platform/money/amount.ts';

function codeAndMessage(error: unknown): { code?: string; message?: string } {
  for (
    let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code))
      return { code: e.code, message: String(e.message) };
  }
  return {};
}

/** The database's ledger rules (see migrations/0005) as errors a treasurer can act on. */
export function ledgerError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const { code, message } = codeAndMessage(error);
  if (code === '23514') {
    // The trigger speaks in minor units; people read amounts.
    const readable = (message ?? 'The entry does not balance.')
      .replace(/^journal entry \S+ /, 'The entry ')
      .replace(
        /its (\w{3}) postings sum to (-?\d+) minor units/,
        (_m, currency: string, minor: string) =>
          `its ${currency} postings differ by ${formatAmount(BigInt(minor), currency)} ${currency}`,
      );
    const errors = [{ pointer: '/postings', message: readable }];
    const [, currency, differenceMinor] =
      /its (\w{3}) postings sum to (-?\d+) minor units/.exec(message ?? '') ?? [];
    return currency && differenceMinor
      ? badRequest(readable, errors).because('entry.unbalanced', { currency, differenceMinor })
      : badRequest(readable, errors).because('entry.refused');
  }
  if (code === 'CL001')
    return conflict(`${message}: an officer must reopen it first.`, [
      { pointer: '/effectiveOn', message: message ?? 'locked' },
    ]).because('ledger.period-locked', { detail: message ?? '' });
  if (code === 'CL002')
    return conflict(message ?? 'Posted entries never change.').because('ledger.posted');
  return error;
}
