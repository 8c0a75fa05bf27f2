import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { z } from 'zod';
import {
  BusinessHoursError,
  parseBusinessHours,
} from '../../servicelevels/calendar/businessHours.ts';
import {
  checkServiceCalendar,
  formatInZone,
  isValidTimeZone,
  serviceDeadline,
} from '../../servicelevels/calendar/serviceCalendar.ts';

const optionsSchema = z
  .object({
    from: z.string(),
    hours: z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'a number of hours, 0 or more')
      .transform(Number)
      .refine((n) => n <= 100_000, 'at most 100000 hours'),
    business: z.string().optional(),
    timeZone: z.string().refine(isValidTimeZone, 'not an IANA time zone, e.g. Europe/Berlin'),
    holidays: z
      .string()
      .regex(
        /^[A-Za-z]{2}(-[A-Za-z0-9]{1,4})?$/,
        'a country code, optionally with a region: DE, DE-BY',
      )
      .optional(),
    closed: z.string().optional(),
  })
  .refine((o) => o.business !== undefined || (o.holidays === undefined && o.closed === undefined), {
    message: 'holidays and closed days apply to business hours: add --business',
    path: ['holidays'],
  });

/** `coop sla deadline ...`: prints the deadline as ISO 8601 in the given zone. */
export function runSlaDeadline(raw: Record<string, string | undefined>, command: Command): void {
  const fail = (message: string): never => {
    command.showHelpAfterError(false);
    return command.error(`error: ${message}`, { exitCode: 1, code: 'coop.sla.invalid' });
  };
  const write =
    command.configureOutput().writeOut ?? ((text: string) => process.stdout.write(text));
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success)
    return fail(
      parsed.error.issues
        .map((i) => `--${kebab(String(i.path[0] ?? ''))}: ${i.message}`)
        .join('; '),
    );
  const options = parsed.data;
  const from = DateTime.fromISO(options.from, { zone: options.timeZone, setZone: true });
  if (!from.isValid) return fail(`--from: "${options.from}" is not an ISO 8601 date and time`);
  let deadline: Date;
  try {
    const [country, region] = options.holidays?.split('-') ?? [];
    const calendar = options.business
      ? checkServiceCalendar({
          timeZone: options.timeZone,
          hours: parseBusinessHours(options.business),
          holidays: country ? { country, region } : null,
          closedDays: options.closed?.split(',').map((d) => d.trim()),
        })
      : null;
    deadline = serviceDeadline(
      from.toJSDate(),
      options.hours,
      calendar ? 'business' : 'wall',
      calendar,
    );
  } catch (error) {
    if (error instanceof BusinessHoursError) return fail(error.message);
    throw error;
  }
  write(`${formatInZone(deadline, options.timeZone)}\n`);
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
