import { DateTime } from 'luxon';
import { isOpen, STALE_AFTER_DAYS, type Stage } from './stages.ts';

export type StaleReason = 'next-step-overdue' | 'no-next-step' | 'no-change';

/**
 * Why an open opportunity needs someone: its next step's day has passed, it has none, or nothing
 * changed for STALE_AFTER_DAYS days. Closed opportunities are never stale.
 */
export function staleReasons(
  o: { stage: Stage; nextStepOn: string | null; changedAt: Date },
  now: Date,
): StaleReason[] {
  if (!isOpen(o.stage)) return [];
  const today = now.toISOString().slice(0, 10);
  const reasons: StaleReason[] = [];
  if (o.nextStepOn === null) reasons.push('no-next-step');
  else if (o.nextStepOn < today) reasons.push('next-step-overdue');
  const quietDays = DateTime.fromJSDate(now).diff(DateTime.fromJSDate(o.changedAt), 'days').days;
  if (quietDays >= STALE_AFTER_DAYS) reasons.push('no-change');
  return reasons;
}
