import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { organizationLocale } from '../../organizations/queries.ts';
import { defineCommand } from '../../platform/commands.ts';
import { displayDay } from '../../platform/i18n/dates.ts';
import { addDays } from '../../platform/dates.ts';
import { agreementEnded, agreementRenewalTermDue, agreementRenewed } from '../events.ts';
import { agreementsMail } from '../mailMessages.ts';
import { agreementsPolicy } from '../policy.ts';
import { agreementRenewalNotices, agreements } from '../schema.ts';
import { noticeDeadline, termEnd } from '../terms.ts';

/**
 * What happens to agreements on a day, run daily by the co-op itself (and safe to run again):
 * a term that ended rolls into the next when the agreement renews (or a late cancellation still
 * owes that term), otherwise the agreement ends; and each renewal notice day reached before a
 * term's end announces `agreement.renewal-term-due` once, mailing the billing contacts.
 */
export const runAgreementRenewals = defineCommand({
  name: 'agreements.runRenewals',
  input: z.strictObject({}),
  policy: agreementsPolicy.runRenewals,
  denied: 'Renewals run by themselves each day; administrators may run them by hand.',
  events: [agreementRenewalTermDue, agreementRenewed, agreementEnded],
  async run(tx, _input, ctx) {
    const today = ctx.clock.today();
    const rows = await tx
      .select()
      .from(agreements)
      .where(
        and(eq(agreements.coopId, ctx.coopId), inArray(agreements.status, ['active', 'cancelled'])),
      )
      .orderBy(asc(agreements.number))
      .for('update');
    let renewed = 0;
    let ended = 0;
    let announced = 0;
    for (const row of rows) {
      const a = { ...row };
      while (today > a.currentTermEndsOn) {
        const owesNext =
          a.status === 'active' ? a.autoRenew : (a.endsOn ?? '') > a.currentTermEndsOn;
        if (!owesNext) {
          a.status = 'ended';
          a.endsOn = a.endsOn ?? a.currentTermEndsOn;
          await ctx.emit(agreementEnded, a.id, {
            number: a.number,
            organizationId: a.organizationId,
            endsOn: a.endsOn,
          });
          ended++;
          break;
        }
        a.currentTermStartsOn = addDays(a.currentTermEndsOn, 1);
        a.currentTermEndsOn = termEnd(a.currentTermStartsOn, a.termMonths);
        await ctx.emit(agreementRenewed, a.id, {
          number: a.number,
          organizationId: a.organizationId,
          currency: a.currency,
          currentTermStartsOn: a.currentTermStartsOn,
          currentTermEndsOn: a.currentTermEndsOn,
        });
        renewed++;
      }
      if (a.status !== row.status || a.currentTermEndsOn !== row.currentTermEndsOn)
        await tx
          .update(agreements)
          .set({
            status: a.status,
            endsOn: a.endsOn,
            currentTermStartsOn: a.currentTermStartsOn,
            currentTermEndsOn: a.currentTermEndsOn,
          })
          .where(and(eq(agreements.coopId, ctx.coopId), eq(agreements.id, a.id)));
      if (a.status !== 'active') continue;
      // Only the latest notice day reached is announced: a server down for a month does not
      // send the 60-day and the 30-day notice on one morning.
      const due = a.renewalNoticeDays
        .filter((d) => today >= addDays(a.currentTermEndsOn, -d))
        .sort((x, y) => x - y)[0];
      if (due === undefined) continue;
      const [fresh] = await tx
        .insert(agreementRenewalNotices)
        .values({
          coopId: ctx.coopId,
          agreementId: a.id,
          termEndsOn: a.currentTermEndsOn,
          daysBefore: due,
          announcedAt: ctx.clock.now(),
        })
        .onConflictDoNothing()
        .returning({ daysBefore: agreementRenewalNotices.daysBefore });
      if (!fresh) continue;
      const nextStart = addDays(a.currentTermEndsOn, 1);
      const deadline = noticeDeadline(a);
      await ctx.emit(agreementRenewalTermDue, a.id, {
        number: a.number,
        organizationId: a.organizationId,
        currency: a.currency,
        currentTermStartsOn: a.currentTermStartsOn,
        currentTermEndsOn: a.currentTermEndsOn,
        daysBefore: due,
        autoRenew: a.autoRenew,
        nextTermStartsOn: a.autoRenew ? nextStart : null,
        nextTermEndsOn: a.autoRenew ? termEnd(nextStart, a.termMonths) : null,
        noticeDeadline: deadline,
      });
      // Renewal notices are business mail: in the sponsor organization's language.
      const locale = await organizationLocale(tx, ctx.coopId, a.organizationId);
      const vars = {
        number: a.number,
        title: a.title,
        termEndsOn: displayDay(a.currentTermEndsOn, locale),
        nextStart: displayDay(nextStart, locale),
        months: a.termMonths,
        deadline: displayDay(deadline, locale),
      };
      for (const contact of a.billingContacts)
        await ctx.mail({
          to: contact.email,
          kind: 'agreement-renewal',
          subject: agreementsMail(locale, 'renewal.subject', vars),
          body: agreementsMail(locale, a.autoRenew ? 'renewal.renews' : 'renewal.ends', {
            ...vars,
            name: contact.name,
          }),
        });
      announced++;
    }
    return { renewed, ended, announced };
  },
});
