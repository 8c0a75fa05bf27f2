import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { memberships, personEmails } from '../../members/schema.ts';
import type { CommandContext } from '../../platform/commands.ts';
import { parseCsvRecords } from '../../platform/csv.ts';
import { badRequest } from '../../platform/errors.ts';
import { appendEvent } from '../../platform/events.ts';
import { authorize } from '../../platform/policy.ts';
import { parseInput } from '../../platform/validation.ts';
import { governancePolicy } from '../policy.ts';
import { loadWorkItem } from '../repository.ts';
import { timeEntries, workItems } from '../schema.ts';

const quarterHours = z
  .number()
  .positive()
  .max(24)
  .refine((h) => Number.isInteger(h * 4), { message: 'hours in quarters: 1, 1.25, 1.5...' });

export const timeEntryInputSchema = z
  .strictObject({
    workItemId: z.uuid(),
    workedOn: z.iso.date(),
    hours: quarterHours,
    note: z.string().max(1000).default(''),
  })
  .meta({ id: 'TimeEntry' });

/** A hacker's hours on an item: what the cycle report sets against the plan. */
export async function logTime(
  ctx: CommandContext,
  personId: string,
  input: z.input<typeof timeEntryInputSchema>,
) {
  authorize(ctx.actor, governancePolicy.logTime, personId, 'Hackers log their own time.');
  const parsed = parseInput(timeEntryInputSchema, input);
  const coopId = ctx.actor.coopId;
  return ctx.db.transaction(async (tx) => {
    await loadWorkItem(tx, coopId, parsed.workItemId);
    const [row] = await tx
      .insert(timeEntries)
      .values({
        coopId,
        personId,
        workItemId: parsed.workItemId,
        workedOn: parsed.workedOn,
        minutes: Math.round(parsed.hours * 60),
        note: parsed.note,
      })
      .returning({ id: timeEntries.id });
    await appendEvent(tx, {
      coopId,
      type: 'time.logged',
      actorId: ctx.actor.personId,
      subjectType: 'work-item',
      subjectId: parsed.workItemId,
      data: { personId, workedOn: parsed.workedOn, hours: parsed.hours },
    });
    return { id: row!.id };
  });
}

const csvRow = z.object({
  email: z.email(),
  work_item_id: z.uuid({ message: 'not a work item id' }),
  date: z.iso.date({ message: 'a date as YYYY-MM-DD' }),
  hours: z.coerce.number().pipe(quarterHours),
  note: z.string().max(1000).default(''),
});

/** CSV `email,work_item_id,date,hours[,note]`; any bad line applies nothing, every one is listed. */
export async function importTimeEntries(ctx: CommandContext, csv: string) {
  authorize(
    ctx.actor,
    governancePolicy.importTimeEntries,
    undefined,
    'Administrators import time entries.',
  );
  const coopId = ctx.actor.coopId;
  const errors: { pointer: string; message: string }[] = [];
  const records = parseCsvRecords(csv);
  const rows = records.flatMap((record, i) => {
    const result = csvRow.safeParse(record);
    if (result.success) return [{ ...result.data, line: i + 2 }];
    for (const issue of result.error.issues)
      errors.push({ pointer: `/lines/${i + 2}/${issue.path.join('.')}`, message: issue.message });
    return [];
  });
  return ctx.db.transaction(async (tx) => {
    const emails = [...new Set(rows.map((r) => r.email.toLowerCase()))];
    const hackers = emails.length
      ? await tx
          .select({
            email: personEmails.email,
            personId: personEmails.personId,
            memberClass: memberships.memberClass,
          })
          .from(personEmails)
          .innerJoin(
            memberships,
            and(
              eq(memberships.coopId, personEmails.coopId),
              eq(memberships.personId, personEmails.personId),
            ),
          )
          .where(and(eq(personEmails.coopId, coopId), inArray(personEmails.email, emails)))
      : [];
    const itemIds = [...new Set(rows.map((r) => r.work_item_id))];
    const items = itemIds.length
      ? await tx
          .select({ id: workItems.id })
          .from(workItems)
          .where(and(eq(workItems.coopId, coopId), inArray(workItems.id, itemIds)))
      : [];
    for (const row of rows) {
      const hacker = hackers.find((h) => h.email === row.email.toLowerCase());
      if (!hacker || hacker.memberClass !== 'hacker')
        errors.push({
          pointer: `/lines/${row.line}/email`,
          message: `${row.email} is not a hacker of the co-op`,
        });
      if (!items.some((i) => i.id === row.work_item_id))
        errors.push({ pointer: `/lines/${row.line}/work_item_id`, message: 'no such work item' });
    }
    if (errors.length > 0) {
      errors.sort((a, b) => a.pointer.localeCompare(b.pointer, undefined, { numeric: true }));
      throw badRequest(`The file has ${errors.length} problem(s); nothing was imported.`, errors);
    }
    if (rows.length > 0)
      await tx.insert(timeEntries).values(
        rows.map((r) => ({
          coopId,
          personId: hackers.find((h) => h.email === r.email.toLowerCase())!.personId,
          workItemId: r.work_item_id,
          workedOn: r.date,
          minutes: Math.round(r.hours * 60),
          note: r.note,
        })),
      );
    await appendEvent(tx, {
      coopId,
      type: 'time.imported',
      actorId: ctx.actor.personId,
      subjectType: 'coop',
      subjectId: coopId,
      data: { entries: rows.length, hours: rows.reduce((s, r) => s + r.hours, 0) },
    });
    return { imported: rows.length };
  });
}
