import { asLocale, type Locale } from '../platform/i18n/locales.ts';
import { and, eq, gt, gte, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Actor } from '../platform/actor.ts';
import type { Executor } from '../platform/db/database.ts';
import type { RunContext } from '../platform/commands.ts';
import { emailReleased, memberJoined } from './events.ts';
import {
  emailTokens,
  memberships,
  membershipStatusChanges,
  officerTerms,
  organizationContacts,
  people,
  personEmails,
  type MemberClass,
  type MembershipStatus,
} from './schema.ts';

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export interface NewMember {
  displayName: string;
  email: string;
  emailVerified: boolean;
  passwordHash: string | null;
  memberClass: MemberClass;
  status: MembershipStatus;
  organizationId: string | null;
  isAdmin?: boolean;
  /** The language they read the co-op in; English unless they (or their invitation) chose. */
  locale?: Locale;
  /** How they came: setup, invitation, import, demo. */
  via: string;
}

/**
 * Person, primary email, membership and its first status, and the `member.joined` event (which
 * the calling command declares). Someone who joins on their own (an invitation, set-up) is the
 * actor of their joining.
 */
export async function insertMember(
  tx: Executor,
  ctx: RunContext,
  member: NewMember,
): Promise<string> {
  const coopId = ctx.coopId;
  const now = ctx.clock.now();
  const [person] = await tx
    .insert(people)
    .values({
      coopId,
      displayName: member.displayName,
      passwordHash: member.passwordHash,
      isAdmin: member.isAdmin ?? false,
      locale: member.locale ?? 'en',
    })
    .returning({ id: people.id });
  const personId = person!.id;
  await tx.insert(personEmails).values({
    coopId,
    personId,
    email: normalizeEmail(member.email),
    isPrimary: true,
    verifiedAt: member.emailVerified ? now : null,
  });
  const [membership] = await tx
    .insert(memberships)
    .values({
      coopId,
      personId,
      memberClass: member.memberClass,
      status: member.status,
      organizationId: member.organizationId,
    })
    .returning({ id: memberships.id });
  await tx.insert(membershipStatusChanges).values({
    coopId,
    membershipId: membership!.id,
    fromStatus: null,
    toStatus: member.status,
    reason: `joined via ${member.via}`,
    changedBy: ctx.actor.personId,
    changedAt: now,
  });
  if (member.organizationId) {
    await tx.insert(organizationContacts).values({
      coopId,
      organizationId: member.organizationId,
      personId,
      role: 'representative',
    });
  }
  await ctx.emit(
    memberJoined,
    personId,
    {
      displayName: member.displayName,
      memberClass: member.memberClass,
      status: member.status,
      organizationId: member.organizationId,
      isAdmin: member.isAdmin ?? false,
      via: member.via,
    },
    { actorId: ctx.actor.personId ?? personId },
  );
  return personId;
}

/**
 * An address is its member's once verified, or when it is the primary address an administrator
 * gave (set-up, an invitation, an import), which the registration code or link mailed there
 * verifies. An address a member merely added is a claim until its link is opened: it signs no
 * one in, receives no reset or sign-in link, and gives way to whoever proves it theirs.
 */
const owned = or(isNotNull(personEmails.verifiedAt), eq(personEmails.isPrimary, true));

export async function findAddressOwner(
  executor: Executor,
  coopId: string,
  email: string,
): Promise<{ personId: string; emailId: string } | undefined> {
  const [row] = await executor
    .select({ personId: personEmails.personId, emailId: personEmails.id })
    .from(personEmails)
    .where(
      and(eq(personEmails.coopId, coopId), eq(personEmails.email, normalizeEmail(email)), owned),
    );
  return row;
}

/**
 * The language to write to a person in (their choice; English for an unknown id). Other
 * domains call this for the mails and PDFs they address to members.
 */
export async function localeOfPerson(
  executor: Executor,
  coopId: string,
  personId: string,
): Promise<Locale> {
  const [row] = await executor
    .select({ locale: people.locale })
    .from(people)
    .where(and(eq(people.coopId, coopId), eq(people.id, personId)));
  return asLocale(row?.locale);
}

export async function findPersonIdByEmail(
  executor: Executor,
  coopId: string,
  email: string,
): Promise<string | undefined> {
  return (await findAddressOwner(executor, coopId, email))?.personId;
}

/**
 * Removes another member's unverified claim on an address that someone is about to prove theirs
 * (the calling command declares `emailReleased`); that claim's verification link dies with it.
 */
export async function releaseAddressClaim(
  tx: Executor,
  ctx: RunContext,
  email: string,
  keepPersonId?: string,
): Promise<void> {
  const released = await tx
    .delete(personEmails)
    .where(
      and(
        eq(personEmails.coopId, ctx.coopId),
        eq(personEmails.email, normalizeEmail(email)),
        isNull(personEmails.verifiedAt),
        eq(personEmails.isPrimary, false),
        keepPersonId ? ne(personEmails.personId, keepPersonId) : undefined,
      ),
    )
    .returning({ id: personEmails.id, personId: personEmails.personId });
  for (const claim of released) {
    await tx
      .update(emailTokens)
      .set({ expiresAt: ctx.clock.now() })
      .where(and(eq(emailTokens.coopId, ctx.coopId), eq(emailTokens.emailId, claim.id)));
    await ctx.emit(emailReleased, claim.personId, { email: normalizeEmail(email) });
  }
}

/** Everything the policy layer needs to know about a person, in one round trip. */
export async function loadActor(
  executor: Executor,
  coopId: string,
  personId: string,
  today: string,
): Promise<Actor | undefined> {
  const [row] = await executor
    .select({
      displayName: people.displayName,
      isAdmin: people.isAdmin,
      memberClass: memberships.memberClass,
      status: memberships.status,
      organizationId: memberships.organizationId,
      officerRoles: sql<
        string[]
      >`coalesce((select array_agg(${officerTerms.role}) from ${officerTerms}
        where ${and(
          eq(officerTerms.coopId, coopId),
          eq(officerTerms.personId, personId),
          lte(officerTerms.startsOn, today),
          gte(officerTerms.endsOn, today),
          or(isNull(officerTerms.endedEarlyOn), gt(officerTerms.endedEarlyOn, today)),
        )}), '{}')`,
    })
    .from(people)
    .leftJoin(
      memberships,
      and(eq(memberships.coopId, people.coopId), eq(memberships.personId, people.id)),
    )
    .where(and(eq(people.coopId, coopId), eq(people.id, personId)));
  if (!row) return undefined;
  return {
    coopId,
    personId,
    displayName: row.displayName,
    isAdmin: row.isAdmin,
    membership:
      row.memberClass && row.status
        ? { memberClass: row.memberClass, status: row.status, organizationId: row.organizationId }
        : null,
    officerRoles: row.officerRoles,
  };
}
