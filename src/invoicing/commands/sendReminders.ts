import { and, eq, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import { organizations } from '../../organizations/schema.ts';
import { defineCommand } from '../../platform/commands.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { stageDue } from '../dunning.ts';
import { invoiceReminderSent } from '../events.ts';
import { invoicingPolicy } from '../policy.ts';
import { invoicingSettingsOf } from '../repository.ts';
import { printCreditorReference } from '../rfReference.ts';
import { dunningNotices, invoices } from '../schema.ts';

/**
 * Mails the dunning stage each overdue invoice has reached, once per stage and invoice (the
 * notice row's key makes a second run, in any process, send nothing), to the billing contact;
 * disputed invoices wait. A late fee is mentioned only when the co-op configured one.
 */
export const sendReminders = defineCommand({
  name: 'invoicing.sendReminders',
  input: z.strictObject({}),
  policy: invoicingPolicy.settle,
  denied: 'The chief economist sends reminders.',
  events: [invoiceReminderSent],
  async run(tx, _input, ctx) {
    const { coopId } = ctx;
    const today = ctx.clock.today();
    const settings = await invoicingSettingsOf(tx, coopId);
    if (settings.dunningStages.length === 0) return { sent: 0 };
    const overdue = await tx
      .select({ invoice: invoices, billingEmail: organizations.billingEmail })
      .from(invoices)
      .innerJoin(
        organizations,
        and(
          eq(organizations.coopId, invoices.coopId),
          eq(organizations.id, invoices.organizationId),
        ),
      )
      .where(
        and(
          eq(invoices.coopId, coopId),
          eq(invoices.kind, 'invoice'),
          eq(invoices.disputed, false),
          inArray(invoices.status, ['open', 'partially-paid']),
          lt(invoices.dueDate, today),
        ),
      )
      .orderBy(invoices.dueDate, invoices.number);
    let sent = 0;
    for (const { invoice, billingEmail } of overdue) {
      const notices = await tx
        .select({ stage: dunningNotices.stage })
        .from(dunningNotices)
        .where(and(eq(dunningNotices.coopId, coopId), eq(dunningNotices.invoiceId, invoice.id)));
      const due = stageDue(
        settings.dunningStages,
        invoice.dueDate!,
        today,
        notices.map((n) => n.stage),
      );
      const to = invoice.buyer?.email || billingEmail;
      if (!due || !to) continue;
      const [recorded] = await tx
        .insert(dunningNotices)
        .values({
          coopId,
          invoiceId: invoice.id,
          stage: due.stage,
          label: due.label,
          sentOn: today,
          sentTo: to,
        })
        .onConflictDoNothing()
        .returning({ stage: dunningNotices.stage });
      if (!recorded) continue;
      const open = formatAmount(invoice.grossMinor! - invoice.settledMinor, invoice.currency);
      const fee =
        settings.lateFeeMinor !== null
          ? `\nAs agreed, a late fee of ${formatAmount(settings.lateFeeMinor, invoice.currency)} ${invoice.currency} applies.`
          : '';
      await ctx.mail({
        to,
        kind: 'invoice-reminder',
        subject: `${due.label}: invoice ${invoice.number} is overdue`,
        body: `Dear ${invoice.buyer?.legalName ?? 'customer'},

our invoice ${invoice.number} of ${invoice.issueDate} was due on ${invoice.dueDate}; ${open} ${invoice.currency} is still open.
Please pay it to ${settings.iban ?? 'our account'} quoting ${printCreditorReference(invoice.creditorReference!)}.${fee}
If you have paid in the meantime, please ignore this message; if you dispute the invoice, reply and we will pause these reminders.

${settings.legalName}
`,
      });
      await ctx.emit(invoiceReminderSent, invoice.id, {
        number: invoice.number!,
        stage: due.stage + 1,
        label: due.label,
        to,
      });
      sent++;
    }
    return { sent };
  },
});
