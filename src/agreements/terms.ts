import { addDays, shiftMonths } from '../platform/dates.ts';
import type { AgreementLine } from './lines.ts';

/** The last day of a term that starts on `startsOn` and lasts `months`. */
export const termEnd = (startsOn: string, months: number): string =>
  addDays(shiftMonths(startsOn, months), -1);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export interface TermFacts {
  startsOn: string;
  currentTermStartsOn: string;
  currentTermEndsOn: string;
  termMonths: number;
  autoRenew: boolean;
  noticeDays: number;
}

/** The last day a cancellation given stops the renewal at the current term's end. */
export const noticeDeadline = (a: Pick<TermFacts, 'currentTermEndsOn' | 'noticeDays'>): string =>
  addDays(a.currentTermEndsOn, -a.noticeDays);

/**
 * The last day served when cancelled on `day`: the current term's end if the notice period is
 * respected (or the agreement does not renew), otherwise the end of the next term, which the
 * late notice could no longer stop.
 */
export function cancellationEnd(
  a: TermFacts,
  day: string,
): { endsOn: string; withinNotice: boolean } {
  if (!a.autoRenew || day <= noticeDeadline(a))
    return { endsOn: a.currentTermEndsOn, withinNotice: true };
  const next = addDays(a.currentTermEndsOn, 1);
  return { endsOn: termEnd(next, a.termMonths), withinNotice: false };
}

export interface BillingPeriod {
  startsOn: string;
  endsOn: string;
  lines: AgreementLine[];
}

/**
 * The billing periods of a term, in advance, each with the lines to invoice for it: recurring
 * lines every period, one-off lines with the agreement's very first period only.
 */
export function billingPeriods(
  a: { startsOn: string; billingPeriodMonths: number; lines: AgreementLine[] },
  term: { startsOn: string; endsOn: string },
): BillingPeriod[] {
  const periods: BillingPeriod[] = [];
  for (let i = 0; ; i++) {
    const startsOn = shiftMonths(term.startsOn, i * a.billingPeriodMonths);
    if (startsOn > term.endsOn) break;
    const endsOn = termEnd(term.startsOn, (i + 1) * a.billingPeriodMonths);
    const first = startsOn === a.startsOn;
    periods.push({
      startsOn,
      endsOn: endsOn > term.endsOn ? term.endsOn : endsOn,
      lines: a.lines.filter((l) => l.recurring || first),
    });
  }
  return periods;
}
