import { and, eq, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import { organizations } from '../../organizations/schema.ts';
import { defineCommand } from '../../platform/commands.ts';
import { asLocale } from '../../platform/i18n/locales.ts';
import { displayDay } from '../../platform/i18n/dates.ts';
import { displayMoney } from '../../platform/money/display.ts';
import { stageDue } from '../dunning.ts';
import { invoiceReminderSent } from '../events.ts';
import { invoicingMail } from '../mailMessages.ts';
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
      .select({
        invoice: invoices,
        billingEmail: organizations.billingEmail,
        locale: organizations.locale,
      })
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
    for (const { invoice, billingEmail, locale: buyerLocale } of overdue) {
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
      // Written to the buyer organization, in its language.
      const locale = asLocale(buyerLocale);
      const m = (key: Parameters<typeof invoicingMail>[1], vars?: Record<string, string>) =>
        invoicingMail(locale, key, vars);
      const money = (minor: bigint) => displayMoney(minor, invoice.currency, locale);
      const lines = [
        m('reminder.overdue', {
          number: invoice.number!,
          issued: displayDay(invoice.issueDate!, locale),
          due: displayDay(invoice.dueDate!, locale),
          open: money(invoice.grossMinor! - invoice.settledMinor),
        }),
        m('reminder.pay', {
          account: settings.iban ?? m('reminder.ourAccount'),
          reference: printCreditorReference(invoice.creditorReference!),
        }),
        ...(settings.lateFeeMinor !== null
          ? [m('reminder.lateFee', { fee: money(settings.lateFeeMinor) })]
          : []),
        m('reminder.ignore'),
      ];
      await ctx.mail({
        to,
        kind: 'invoice-reminder',
        subject: m('reminder.subject', { label: due.label, number: invoice.number! }),
        body: `${m('reminder.greeting', { name: invoice.buyer?.legalName ?? m('reminder.customer') })}

${lines.join('\n')}

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
