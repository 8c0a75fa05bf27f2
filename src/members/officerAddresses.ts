import { and, eq, exists, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { asLocale, type Locale } from '../platform/i18n/locales.ts';
import { memberships, officerTerms, people, personEmails } from './schema.ts';

/**
 * The primary addresses of the administrators and of the active members holding an office on
 * `today`, with the language each reads: whom the co-op tells when something it runs needs a person (a webhook endpoint
 * disabled after its deliveries kept failing).
 */
export async function officerAndAdminAddresses(
  executor: Executor,
  coopId: string,
  today: string,
): Promise<{ email: string; name: string; locale: Locale }[]> {
  const holdsOffice = exists(
    executor
      .select({ one: sql`1` })
      .from(officerTerms)
      .where(
        and(
          eq(officerTerms.coopId, people.coopId),
          eq(officerTerms.personId, people.id),
          lte(officerTerms.startsOn, today),
          gte(officerTerms.endsOn, today),
          or(isNull(officerTerms.endedEarlyOn), sql`${officerTerms.endedEarlyOn} > ${today}`),
        ),
      ),
  );
  const rows = await executor
    .selectDistinct({ email: personEmails.email, name: people.displayName, locale: people.locale })
    .from(people)
    .innerJoin(
      personEmails,
      and(
        eq(personEmails.coopId, people.coopId),
        eq(personEmails.personId, people.id),
        eq(personEmails.isPrimary, true),
      ),
    )
    .leftJoin(
      memberships,
      and(eq(memberships.coopId, people.coopId), eq(memberships.personId, people.id)),
    )
    .where(
      and(
        eq(people.coopId, coopId),
        or(
          and(eq(people.isAdmin, true), sql`${memberships.status} is distinct from 'suspended'`),
          and(eq(memberships.status, 'active'), holdsOffice),
        ),
      ),
    )
    .orderBy(personEmails.email);
  return rows.map((row) => ({ ...row, locale: asLocale(row.locale) }));
}
