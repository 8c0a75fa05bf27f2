import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { loadActor, localeOfPerson } from '../members/repository.ts';
import { defineCommand } from '../platform/commands.ts';
import { queryRows } from '../platform/db/rows.ts';
import { displayInstant } from '../platform/i18n/dates.ts';
import type { Locale } from '../platform/i18n/locales.ts';
import type { PendingItem } from '../platform/pending.ts';
import { digestPreferenceChanged, digestSent } from './events.ts';
import { todoPolicy } from './policy.ts';
import { todoMail } from './mailMessages.ts';
import { digestPreferences } from './schema.ts';
import { whatNeeds } from './whatNeedsMe.ts';

export const digestPreferenceSchema = z
  .strictObject({ weekly: z.boolean().describe('Mail me the weekly reminder digest') })
  .meta({ id: 'DigestPreference' });

export const setDigestPreference = defineCommand({
  name: 'todo.setDigestPreference',
  input: digestPreferenceSchema,
  policy: todoPolicy.setOwnDigest,
  denied: 'Sign in to choose your reminders.',
  events: [digestPreferenceChanged],
  async run(tx, { weekly }, ctx) {
    const personId = ctx.actor.personId!;
    await tx
      .insert(digestPreferences)
      .values({ coopId: ctx.coopId, personId, weekly, updatedAt: ctx.clock.now() })
      .onConflictDoUpdate({
        target: [digestPreferences.coopId, digestPreferences.personId],
        set: { weekly, updatedAt: ctx.clock.now() },
      });
    await ctx.emit(digestPreferenceChanged, personId, { weekly });
    return { weekly };
  },
});

/** Whether the person gets the digest: on unless they switched it off. */
export async function digestIsOn(
  executor: Parameters<typeof whatNeeds>[0],
  coopId: string,
  personId: string,
): Promise<boolean> {
  const [row] = await executor
    .select({ weekly: digestPreferences.weekly })
    .from(digestPreferences)
    .where(and(eq(digestPreferences.coopId, coopId), eq(digestPreferences.personId, personId)));
  return row?.weekly ?? true;
}

/** One member's digest, in plain text and their language: each item, its deadline, its page. */
export function digestBody(
  name: string,
  items: PendingItem[],
  publicUrl: string,
  locale: Locale,
): string {
  const lines = items.map(
    (i) =>
      `- ${i.title}${i.dueAt ? ` ${todoMail(locale, 'digest.by', { when: displayInstant(i.dueAt, locale) })}` : ''}\n  ${i.detail}\n  ${publicUrl}${i.href}`,
  );
  return [
    todoMail(locale, 'digest.greeting', { name }),
    todoMail(locale, 'digest.intro'),
    lines.join('\n\n'),
    `${todoMail(locale, 'digest.outro', { link: `${publicUrl}/members/me` })}\n`,
  ].join('\n\n');
}

/**
 * The weekly digest: every active member (and administrator) with something waiting and the
 * digest on receives one mail listing it. Nobody with nothing to do is mailed.
 */
export const sendDigests = defineCommand({
  name: 'todo.sendDigests',
  input: z.strictObject({ week: z.iso.date() }),
  policy: todoPolicy.sendDigests,
  events: [digestSent],
  async run(tx, { week }, ctx) {
    const recipients = await queryRows<{ id: string; name: string; email: string }>(
      tx,
      sql`select p.id, p.display_name as name, e.email from people p
          join person_emails e on e.coop_id = p.coop_id and e.person_id = p.id and e.is_primary
          left join memberships m on m.coop_id = p.coop_id and m.person_id = p.id
          left join digest_preferences d on d.coop_id = p.coop_id and d.person_id = p.id
          where p.coop_id = ${ctx.coopId} and (m.status = 'active' or p.is_admin)
            and coalesce(d.weekly, true)
          order by p.display_name, p.id`,
    );
    let sent = 0;
    for (const person of recipients) {
      const actor = await loadActor(tx, ctx.coopId, person.id, ctx.clock.today());
      if (!actor) continue;
      const locale = await localeOfPerson(tx, ctx.coopId, person.id);
      const items = await whatNeeds(tx, actor, ctx.clock.today(), locale);
      if (items.length === 0) continue;
      await ctx.mail({
        to: person.email,
        kind: 'weekly-digest',
        subject: todoMail(locale, 'digest.subject', { count: items.length }),
        body: digestBody(person.name, items, ctx.publicUrl, locale),
      });
      sent++;
    }
    await ctx.emit(digestSent, ctx.coopId, { week, recipients: sent });
    return { recipients: sent };
  },
});
