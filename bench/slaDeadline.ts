/**
 * The service-level calendar benchmark (`node bench/slaDeadline.ts`): deadlines per second on a
 * business-hours calendar (Europe/Berlin, Mon-Fri 09:00-17:00, Bavarian public holidays) for
 * targets of 4, 40 and 200 business hours from starts spread over 2026, and the same for the
 * business time between two instants. Knob: BENCH_SLA_RUNS (default 5000 per target).
 */
import { parseBusinessHours } from '../src/servicelevels/calendar/businessHours.ts';
import {
  businessTimeBetween,
  serviceDeadline,
  type ServiceCalendar,
} from '../src/servicelevels/calendar/serviceCalendar.ts';

const runs = Number(process.env.BENCH_SLA_RUNS ?? 5000);
const calendar: ServiceCalendar = {
  timeZone: 'Europe/Berlin',
  hours: parseBusinessHours('Mon-Fri 09:00-17:00'),
  holidays: { country: 'DE', region: 'BY' },
};
const startOf = (i: number) =>
  new Date(Date.UTC(2026, 0, 1) + ((i * 7_919_000) % (365 * 86_400_000)));

// Warm-up: the holiday library's years and the JIT.
for (let i = 0; i < 500; i++) serviceDeadline(startOf(i), 40, 'business', calendar);

for (const hours of [4, 40, 200]) {
  let t = performance.now();
  const deadlines: Date[] = [];
  for (let i = 0; i < runs; i++)
    deadlines.push(serviceDeadline(startOf(i), hours, 'business', calendar));
  const deadlineRate = runs / ((performance.now() - t) / 1000);
  t = performance.now();
  for (let i = 0; i < runs; i++) businessTimeBetween(startOf(i), deadlines[i]!, calendar);
  const elapsedRate = runs / ((performance.now() - t) / 1000);
  console.log(
    `${String(hours).padStart(3)} business hours: ${Math.round(deadlineRate)} deadlines/s, ${Math.round(elapsedRate)} elapsed-time computations/s`,
  );
}
