import { asLocale, type Locale } from '../platform/i18n/locales.ts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { organizationContacts, people } from '../members/schema.ts';
import type { Executor } from '../platform/db/database.ts';
import { badRequest, notFound } from '../platform/errors.ts';
import { organizations } from './schema.ts';

export async function assertOrganizationExists(
  executor: Executor,
  coopId: string,
  organizationId: string,
): Promise<void> {
  const [row] = await executor
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.coopId, coopId), eq(organizations.id, organizationId)));
  if (!row)
    throw badRequest('Unknown organization.', [
      { pointer: '/organizationId', message: 'no such organization' },
    ]).because('organization.unknown');
}

export async function organizationIdsByName(
  executor: Executor,
  coopId: string,
): Promise<Map<string, string>> {
  const rows = await executor
    .select({
      id: organizations.id,
      legalName: organizations.legalName,
      displayName: organizations.displayName,
    })
    .from(organizations)
    .where(eq(organizations.coopId, coopId));
  const byName = new Map<string, string>();
  for (const row of rows) {
    byName.set(row.legalName.toLowerCase(), row.id);
    byName.set(row.displayName.toLowerCase(), row.id);
  }
  return byName;
}

export async function listOrganizations(executor: Executor, coopId: string) {
  return executor
    .select({
      id: organizations.id,
      displayName: organizations.displayName,
      legalName: organizations.legalName,
      kind: organizations.kind,
      memberClass: organizations.memberClass,
      website: organizations.website,
      representatives: sql<number>`(select count(*)::int from ${organizationContacts}
        where ${organizationContacts.coopId} = ${organizations.coopId}
          and ${organizationContacts.organizationId} = ${organizations.id})`,
    })
    .from(organizations)
    .where(eq(organizations.coopId, coopId))
    .orderBy(asc(organizations.displayName));
}

export async function getOrganization(executor: Executor, coopId: string, organizationId: string) {
  const [organization] = await executor
    .select()
    .from(organizations)
    .where(and(eq(organizations.coopId, coopId), eq(organizations.id, organizationId)));
  if (!organization) throw notFound('This organization');
  const contacts = await executor
    .select({
      personId: organizationContacts.personId,
      role: organizationContacts.role,
      displayName: people.displayName,
    })
    .from(organizationContacts)
    .innerJoin(
      people,
      and(
        eq(people.coopId, organizationContacts.coopId),
        eq(people.id, organizationContacts.personId),
      ),
    )
    .where(
      and(
        eq(organizationContacts.coopId, coopId),
        eq(organizationContacts.organizationId, organizationId),
      ),
    )
    .orderBy(asc(people.displayName));
  return { ...organization, locale: asLocale(organization.locale), contacts };
}

/**
 * The language to write to an organization in: its quotes, invoices, reminders and the mails
 * to its billing contacts. Other domains call this; English for an unknown id.
 */
export async function organizationLocale(
  executor: Executor,
  coopId: string,
  organizationId: string,
): Promise<Locale> {
  const [row] = await executor
    .select({ locale: organizations.locale })
    .from(organizations)
    .where(and(eq(organizations.coopId, coopId), eq(organizations.id, organizationId)));
  return asLocale(row?.locale);
}
