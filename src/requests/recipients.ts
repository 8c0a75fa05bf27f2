import { and, eq, inArray } from 'drizzle-orm';
import { memberships, people, personEmails } from '../members/schema.ts';
import type { Executor } from '../platform/db/database.ts';
import { asLocale, type Locale } from '../platform/i18n/locales.ts';

export interface Recipient {
  personId: string;
  email: string;
  name: string;
  locale: Locale;
}

/** The primary addresses of those of `personIds` who are active members, in their language. */
export async function activeMemberAddresses(
  executor: Executor,
  coopId: string,
  personIds: string[],
): Promise<Recipient[]> {
  if (personIds.length === 0) return [];
  const rows = await executor
    .select({
      personId: people.id,
      email: personEmails.email,
      name: people.displayName,
      locale: people.locale,
    })
    .from(people)
    .innerJoin(
      personEmails,
      and(
        eq(personEmails.coopId, people.coopId),
        eq(personEmails.personId, people.id),
        eq(personEmails.isPrimary, true),
      ),
    )
    .innerJoin(
      memberships,
      and(eq(memberships.coopId, people.coopId), eq(memberships.personId, people.id)),
    )
    .where(
      and(
        eq(people.coopId, coopId),
        inArray(people.id, personIds),
        eq(memberships.status, 'active'),
      ),
    )
    .orderBy(personEmails.email);
  return rows.map((r) => ({ ...r, locale: asLocale(r.locale) }));
}
