import { eq, min } from 'drizzle-orm';
import { currentBylaws } from '../../bylaws/repository.ts';
import type { Clock } from '../../platform/clock.ts';
import { fiscalYearOfDay as fiscalYearOf } from '../../platform/dates.ts';
import type { Executor } from '../../platform/db/database.ts';
import { coops } from '../../platform/db/schema.ts';
import { postings, yearEndCloses } from '../schema.ts';
import { fiscalYearDays } from './closeYear.ts';

export interface FiscalYearStanding {
  fiscalYear: number;
  fromDay: string;
  toDay: string;
  /** closed; ended (closable); current (begun, closable early, with a warning). */
  status: 'closed' | 'ended' | 'current';
}

/**
 * The co-op's fiscal years, from the first it kept books in (the year it was set up, or of its
 * earliest entry when older books were brought in) to the current one: the only years a close
 * can apply to. A year not begun has nothing to close; a year before the books has nothing in it.
 */
export async function fiscalYears(
  executor: Executor,
  coopId: string,
  clock: Pick<Clock, 'today'>,
): Promise<FiscalYearStanding[]> {
  const { startMonth } = (await currentBylaws(executor, coopId, clock)).document.fiscalYear;
  const [coop] = await executor
    .select({ createdAt: coops.createdAt })
    .from(coops)
    .where(eq(coops.id, coopId));
  const [earliest] = await executor
    .select({ day: min(postings.effectiveOn) })
    .from(postings)
    .where(eq(postings.coopId, coopId));
  const closed = new Set(
    (
      await executor
        .select({ fiscalYear: yearEndCloses.fiscalYear })
        .from(yearEndCloses)
        .where(eq(yearEndCloses.coopId, coopId))
    ).map((r) => r.fiscalYear),
  );
  const today = clock.today();
  const founded = coop!.createdAt.toISOString().slice(0, 10);
  const firstDay = earliest?.day && earliest.day < founded ? earliest.day : founded;
  const first = Math.min(fiscalYearOf(firstDay, startMonth), fiscalYearOf(today, startMonth));
  const years: FiscalYearStanding[] = [];
  for (let year = fiscalYearOf(today, startMonth); year >= first; year--) {
    const days = fiscalYearDays(year, startMonth);
    years.push({
      fiscalYear: year,
      ...days,
      status: closed.has(year) ? 'closed' : days.toDay < today ? 'ended' : 'current',
    });
  }
  return years;
}
