import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { memberships, personEmails } from '../../members/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { defineCommand } from '../../platform/commands.ts';
import { parseCsvRecords } from '../../platform/csv.ts';
import { badRequest, type FieldError } from '../../platform/errors.ts';
import { issueFieldError } from '../../platform/issueFacts.ts';
import { timeImported, timeLogged } from '../events.ts';
import { governancePolicy } from '../policy.ts';
import { loadWorkItem } from '../repository.ts';
import { timeEntries, workItems } from '../schema.ts';
import { schemaWords } from '../../platform/http/validationMessages.ts';
import { quarterHours, timeEntryInputSchema } from '../timeEntryInput.ts';

/** A hacker's hours on an item: what the cycle report sets against the plan. */
export const logTime = defineCommand({
  name: 'governance.logTime',
  input: z.strictObject({ personId: z.uuid(), ...timeEntryInputSchema.shape }),
  policy: (actor: Actor, input: { personId: string }) =>
    governancePolicy.logTime(actor, input.personId),
  denied: 'Hackers log their own time.',
  events: [timeLogged],
  async run(tx, input, ctx) {
    const coopId = ctx.coopId;
    await loadWorkItem(tx, coopId, input.workItemId);
    const [row] = await tx
      .insert(timeEntries)
      .values({
        coopId,
        personId: input.personId,
        workItemId: input.workItemId,
        workedOn: input.workedOn,
        minutes: Math.round(input.hours * 60),
        note: input.note,
      })
      .returning({ id: timeEntries.id });
    await ctx.emit(timeLogged, input.workItemId, {
      personId: input.personId,
      workedOn: input.workedOn,
      hours: input.hours,
    });
    return { id: row!.id };
  },
});

const csvRow = z.object({
  email: z.email(),
  work_item_id: z.uuid(schemaWords('notWorkItemId')),
  date: z.iso.date(schemaWords('dateLike')),
  hours: z.coerce.number().pipe(quarterHours),
  note: z.string().max(1000).default(''),
});

/** CSV `email,work_item_id,date,hours[,note]`; any bad line applies nothing, every one is listed. */
export const importTimeEntries = defineCommand({
  name: 'governance.importTimeEntries',
  input: z.strictObject({ csv: z.string() }),
  policy: governancePolicy.importTimeEntries,
  denied: 'Administrators import time entries.',
  events: [timeImported],
  // The file is read before the transaction opens; its lines' own problems are kept to be
  // listed with those only the database can tell (an unknown address, an unknown item).
  prepare: ({ csv }) => {
    const errors: FieldError[] = [];
    const rows = parseCsvRecords(csv).flatMap((record, i) => {
      const result = csvRow.safeParse(record);
      if (result.success) return [{ ...result.data, line: i + 2 }];
      for (const issue of result.error.issues)
        errors.push(
          issueFieldError(`/lines/${i + 2}/${issue.path.join('.')}`, issue, { line: i + 2 }),
        );
      return [];
    });
    return Promise.resolve({ rows, errors });
  },
  async run(tx, _input, ctx, prepared) {
    const coopId = ctx.coopId;
    const { rows } = prepared;
    const errors = [...prepared.errors];
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
          code: 'import.not-a-hacker',
          params: { email: row.email, line: row.line },
        });
      if (!items.some((i) => i.id === row.work_item_id))
        errors.push({
          pointer: `/lines/${row.line}/work_item_id`,
          message: 'no such work item',
          code: 'import.no-work-item',
          params: { line: row.line },
        });
    }
    if (errors.length > 0) {
      errors.sort((a, b) => a.pointer.localeCompare(b.pointer, undefined, { numeric: true }));
      throw badRequest(
        `The file has ${errors.length} problem(s); nothing was imported.`,
        errors,
      ).because('import.lines', { count: errors.length });
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
    await ctx.emit(timeImported, coopId, {
      entries: rows.length,
      hours: rows.reduce((s, r) => s + r.hours, 0),
    });
    return { imported: rows.length };
  },
});
