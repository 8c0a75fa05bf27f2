import { asLocale } from '../platform/i18n/locales.ts';
import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { organizations } from '../organizations/schema.ts';
import type { Executor } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import {
  invitations,
  memberships,
  membershipStatusChanges,
  officerTerms,
  people,
  personEmails,
  type MemberClass,
  type MembershipStatus,
} from './schema.ts';

export interface DirectoryFilter {
  q?: string | undefined;
  memberClass?: MemberClass | undefined;
  status?: MembershipStatus | undefined;
  organizationId?: string | undefined;
  limit: number;
  offset: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The member directory; emails are searched but shown only to those allowed to see them. */
export async function listMembers(
  executor: Executor,
  coopId: string,
  filter: DirectoryFilter,
  withEmails: boolean,
) {
  const conditions: SQL[] = [eq(people.coopId, coopId)];
  if (filter.memberClass) conditions.push(eq(memberships.memberClass, filter.memberClass));
  if (filter.status) conditions.push(eq(memberships.status, filter.status));
  if (filter.organizationId) conditions.push(eq(memberships.organizationId, filter.organizationId));
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    const byName = ilike(people.displayName, pattern);
    conditions.push(withEmails ? or(byName, ilike(personEmails.email, pattern))! : byName);
  }
  const rows = await executor
    .select({
      personId: people.id,
      displayName: people.displayName,
      email: personEmails.email,
      memberClass: memberships.memberClass,
      status: memberships.status,
      organizationId: memberships.organizationId,
      organizationName: organizations.displayName,
      isAdmin: people.isAdmin,
      joinedAt: memberships.joinedAt,
      // The count of all matches rides along with the page: one query, not two.
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(people)
    .innerJoin(
      memberships,
      and(eq(memberships.coopId, people.coopId), eq(memberships.personId, people.id)),
    )
    .innerJoin(
      personEmails,
      and(
        eq(personEmails.coopId, people.coopId),
        eq(personEmails.personId, people.id),
        eq(personEmails.isPrimary, true),
      ),
    )
    .leftJoin(
      organizations,
      and(
        eq(organizations.coopId, people.coopId),
        eq(organizations.id, memberships.organizationId),
      ),
    )
    .where(and(...conditions))
    .orderBy(asc(sql`lower(${people.displayName})`), asc(people.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return {
    // A page past the end has no rows to carry the count; it says 0.
    total: rows[0]?.total ?? 0,
    members: rows.map(({ total: _total, ...r }) => ({ ...r, email: withEmails ? r.email : null })),
  };
}

export async function getMemberProfile(
  executor: Executor,
  coopId: string,
  personId: string,
  withPrivate: boolean,
  today: string,
) {
  const [person] = await executor
    .select({
      personId: people.id,
      displayName: people.displayName,
      isAdmin: people.isAdmin,
      locale: people.locale,
      hasPassword: sql<boolean>`${people.passwordHash} is not null`,
      memberClass: memberships.memberClass,
      status: memberships.status,
      membershipId: memberships.id,
      organizationId: memberships.organizationId,
      organizationName: organizations.displayName,
      joinedAt: memberships.joinedAt,
    })
    .from(people)
    .leftJoin(
      memberships,
      and(eq(memberships.coopId, people.coopId), eq(memberships.personId, people.id)),
    )
    .leftJoin(
      organizations,
      and(
        eq(organizations.coopId, people.coopId),
        eq(organizations.id, memberships.organizationId),
      ),
    )
    .where(and(eq(people.coopId, coopId), eq(people.id, personId)));
  if (!person) throw notFound('This member');
  const offices = await executor
    .select({
      id: officerTerms.id,
      role: officerTerms.role,
      startsOn: officerTerms.startsOn,
      endsOn: officerTerms.endsOn,
      endedEarlyOn: officerTerms.endedEarlyOn,
      current: sql<boolean>`${officerTerms.startsOn} <= ${today}::date and ${officerTerms.endsOn} >= ${today}::date and (${officerTerms.endedEarlyOn} is null or ${officerTerms.endedEarlyOn} > ${today}::date)`,
    })
    .from(officerTerms)
    .where(and(eq(officerTerms.coopId, coopId), eq(officerTerms.personId, personId)))
    .orderBy(desc(officerTerms.startsOn));
  const { membershipId, hasPassword, locale, ...rest } = person;
  const profile = { ...rest, locale: asLocale(locale) };
  if (!withPrivate)
    return { ...profile, offices, emails: null, statusHistory: null, hasPassword: null };
  const [emails, statusHistory] = await Promise.all([
    executor
      .select({
        id: personEmails.id,
        email: personEmails.email,
        isPrimary: personEmails.isPrimary,
        verifiedAt: personEmails.verifiedAt,
      })
      .from(personEmails)
      .where(and(eq(personEmails.coopId, coopId), eq(personEmails.personId, personId)))
      .orderBy(desc(personEmails.isPrimary), asc(personEmails.email)),
    membershipId
      ? executor
          .select({
            fromStatus: membershipStatusChanges.fromStatus,
            toStatus: membershipStatusChanges.toStatus,
            reason: membershipStatusChanges.reason,
            changedBy: membershipStatusChanges.changedBy,
            changedAt: membershipStatusChanges.changedAt,
          })
          .from(membershipStatusChanges)
          .where(
            and(
              eq(membershipStatusChanges.coopId, coopId),
              eq(membershipStatusChanges.membershipId, membershipId),
            ),
          )
          .orderBy(desc(membershipStatusChanges.changedAt))
      : Promise.resolve([]),
  ]);
  return { ...profile, offices, emails, statusHistory, hasPassword };
}

export async function listInvitations(executor: Executor, coopId: string, now: Date) {
  return executor
    .select({
      id: invitations.id,
      email: invitations.email,
      displayName: invitations.displayName,
      memberClass: invitations.memberClass,
      organizationId: invitations.organizationId,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      state: sql<'pending' | 'accepted' | 'revoked' | 'expired'>`case
        when ${invitations.acceptedAt} is not null then 'accepted'
        when ${invitations.revokedAt} is not null then 'revoked'
        when ${invitations.expiresAt} <= ${now.toISOString()}::timestamptz then 'expired'
        else 'pending' end`,
    })
    .from(invitations)
    .where(eq(invitations.coopId, coopId))
    .orderBy(desc(invitations.createdAt))
    .limit(500);
}

export async function memberCounts(executor: Executor, coopId: string) {
  return executor
    .select({
      memberClass: memberships.memberClass,
      status: memberships.status,
      n: sql<number>`count(*)::int`,
    })
    .from(memberships)
    .where(eq(memberships.coopId, coopId))
    .groupBy(memberships.memberClass, memberships.status);
}
