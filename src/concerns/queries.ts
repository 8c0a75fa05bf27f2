import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { organizationContacts, people, personEmails } from '../members/schema.ts';
import { organizations } from '../organizations/schema.ts';
import type { Actor } from '../platform/actor.ts';
import type { Executor } from '../platform/db/database.ts';
import { asLocale, type Locale } from '../platform/i18n/locales.ts';
import { ownOrganizationId } from '../platform/policy.ts';
import { notFound } from '../platform/errors.ts';
import { releasesPolicy } from '../releases/policy.ts';
import { concernsPolicy } from './policy.ts';
import { hasReciprocalAccess } from './reciprocalAccess.ts';
import {
  consultationAnswers,
  consultationRecipients,
  consultations,
  sponsorConcerns,
  topicTags,
  type SubjectKind,
} from './schema.ts';
import { loadSubject } from './subjects.ts';

/** An organization's contacts (people linked to it in any role), each once. */
export async function organizationContactPeople(
  executor: Executor,
  coopId: string,
  organizationId: string,
) {
  const rows = await executor
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
  const byPerson = new Map<string, { personId: string; displayName: string; roles: string[] }>();
  for (const row of rows) {
    const known = byPerson.get(row.personId);
    if (known) known.roles.push(row.role);
    else
      byPerson.set(row.personId, {
        personId: row.personId,
        displayName: row.displayName,
        roles: [row.role],
      });
  }
  return [...byPerson.values()];
}

/** One organization's concerns, with the contacts it could name; empty until first recorded. */
export async function getConcerns(executor: Executor, coopId: string, organizationId: string) {
  const [organization] = await executor
    .select({ id: organizations.id, displayName: organizations.displayName })
    .from(organizations)
    .where(and(eq(organizations.coopId, coopId), eq(organizations.id, organizationId)));
  const [row] = await executor
    .select()
    .from(sponsorConcerns)
    .where(
      and(eq(sponsorConcerns.coopId, coopId), eq(sponsorConcerns.organizationId, organizationId)),
    );
  const contacts = await organizationContactPeople(executor, coopId, organizationId);
  const chosen = new Set(row?.contactIds ?? []);
  return {
    organizationId,
    organizationName: organization?.displayName ?? '',
    topics: row?.topics ?? [],
    systems: row?.systems ?? '',
    constraints: row?.constraints ?? '',
    contactIds: row?.contactIds ?? [],
    contacts: contacts.map((c) => ({ ...c, toAsk: chosen.has(c.personId) })),
    updatedAt: row?.updatedAt ?? null,
  };
}

/**
 * Every sponsor's recorded concerns, for those who serve the sponsors, each saying whether its
 * agreement on `day` includes reciprocal access (only then is it consulted).
 */
export async function listConcerns(executor: Executor, coopId: string, day: string) {
  const rows = await executor
    .select({
      organizationId: sponsorConcerns.organizationId,
      organizationName: organizations.displayName,
      topics: sponsorConcerns.topics,
      systems: sponsorConcerns.systems,
      constraints: sponsorConcerns.constraints,
      contactIds: sponsorConcerns.contactIds,
      updatedAt: sponsorConcerns.updatedAt,
    })
    .from(sponsorConcerns)
    .innerJoin(
      organizations,
      and(
        eq(organizations.coopId, sponsorConcerns.coopId),
        eq(organizations.id, sponsorConcerns.organizationId),
      ),
    )
    .where(eq(sponsorConcerns.coopId, coopId))
    .orderBy(asc(organizations.displayName));
  const names = await personNames(
    executor,
    coopId,
    rows.flatMap((r) => r.contactIds),
  );
  const summaries = [];
  for (const { contactIds, ...row } of rows)
    summaries.push({
      ...row,
      toAsk: contactIds.map((id) => names.get(id) ?? '').filter(Boolean),
      reciprocalAccess: await hasReciprocalAccess(executor, coopId, row.organizationId, day),
    });
  return summaries;
}

async function personNames(executor: Executor, coopId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await executor
    .select({ id: people.id, name: people.displayName })
    .from(people)
    .where(and(eq(people.coopId, coopId), inArray(people.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function itemTopics(
  executor: Executor,
  coopId: string,
  kind: SubjectKind,
  id: string,
): Promise<string[]> {
  const rows = await executor
    .select({ topic: topicTags.topic })
    .from(topicTags)
    .where(
      and(
        eq(topicTags.coopId, coopId),
        eq(topicTags.subjectKind, kind),
        eq(topicTags.subjectId, id),
      ),
    )
    .orderBy(asc(topicTags.topic));
  return rows.map((r) => r.topic);
}

/**
 * The sponsors to consult on `day` about the given topics: those whose concerns share one of
 * them and whose agreement then includes reciprocal access, with the topics they share.
 */
export async function sponsorsSharing(
  executor: Executor,
  coopId: string,
  topics: string[],
  day: string,
) {
  if (topics.length === 0) return [];
  const rows = await executor
    .select({
      organizationId: sponsorConcerns.organizationId,
      organizationName: organizations.displayName,
      topics: sponsorConcerns.topics,
    })
    .from(sponsorConcerns)
    .innerJoin(
      organizations,
      and(
        eq(organizations.coopId, sponsorConcerns.coopId),
        eq(organizations.id, sponsorConcerns.organizationId),
      ),
    )
    .where(
      and(
        eq(sponsorConcerns.coopId, coopId),
        sql`${sponsorConcerns.topics} && ${sql`array[${sql.join(
          topics.map((t) => sql`${t}`),
          sql`, `,
        )}]::text[]`}`,
      ),
    )
    .orderBy(asc(organizations.displayName));
  const entitled = [];
  for (const r of rows)
    if (await hasReciprocalAccess(executor, coopId, r.organizationId, day))
      entitled.push({
        organizationId: r.organizationId,
        organizationName: r.organizationName,
        sharedTopics: r.topics.filter((t) => topics.includes(t)),
      });
  return entitled;
}

type ConsultationRow = typeof consultations.$inferSelect;

/**
 * Consultations with their answers and, per sponsor consulted, whether it answered and whether
 * its answer is overdue. `organizationId` narrows to what one sponsor may read: the
 * consultations it was asked, its own answers, and no other sponsor's name.
 */
async function withAnswers(
  executor: Executor,
  coopId: string,
  rows: ConsultationRow[],
  today: string,
  organizationId: string | null,
) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const answers = await executor
    .select({
      id: consultationAnswers.id,
      consultationId: consultationAnswers.consultationId,
      organizationId: consultationAnswers.organizationId,
      organizationName: organizations.displayName,
      personName: people.displayName,
      kind: consultationAnswers.kind,
      comment: consultationAnswers.comment,
      via: consultationAnswers.via,
      answeredAt: consultationAnswers.answeredAt,
    })
    .from(consultationAnswers)
    .innerJoin(
      organizations,
      and(
        eq(organizations.coopId, consultationAnswers.coopId),
        eq(organizations.id, consultationAnswers.organizationId),
      ),
    )
    .leftJoin(
      people,
      and(
        eq(people.coopId, consultationAnswers.coopId),
        eq(people.id, consultationAnswers.personId),
      ),
    )
    .where(
      and(
        eq(consultationAnswers.coopId, coopId),
        inArray(consultationAnswers.consultationId, ids),
        organizationId ? eq(consultationAnswers.organizationId, organizationId) : sql`true`,
      ),
    )
    .orderBy(asc(consultationAnswers.answeredAt));
  const recipients = await executor
    .select({
      consultationId: consultationRecipients.consultationId,
      organizationId: consultationRecipients.organizationId,
      n: sql<number>`count(*)::int`,
    })
    .from(consultationRecipients)
    .where(
      and(
        eq(consultationRecipients.coopId, coopId),
        inArray(consultationRecipients.consultationId, ids),
      ),
    )
    .groupBy(consultationRecipients.consultationId, consultationRecipients.organizationId);
  const orgIds = [...new Set(rows.flatMap((r) => r.organizationIds))];
  const orgNames = new Map(
    (
      await executor
        .select({ id: organizations.id, name: organizations.displayName })
        .from(organizations)
        .where(and(eq(organizations.coopId, coopId), inArray(organizations.id, orgIds)))
    ).map((o) => [o.id, o.name]),
  );
  return rows.map((row) => {
    const own = answers.filter((a) => a.consultationId === row.id);
    const overdue = row.answerBy < today;
    const sponsors = row.organizationIds
      .filter((id) => !organizationId || id === organizationId)
      .map((id) => {
        const answered = own.some((a) => a.organizationId === id);
        return {
          organizationId: id,
          organizationName: orgNames.get(id) ?? '',
          mailedTo:
            recipients.find((r) => r.consultationId === row.id && r.organizationId === id)?.n ?? 0,
          answered,
          overdue: overdue && !answered,
          objected: own.some((a) => a.organizationId === id && a.kind === 'object'),
        };
      });
    return {
      id: row.id,
      subjectKind: row.subjectKind,
      subjectId: row.subjectId,
      subjectTitle: row.subjectTitle,
      whatChanges: row.whatChanges,
      answerBy: row.answerBy,
      topics: row.topics,
      openedAt: row.openedAt,
      overdue: sponsors.some((s) => s.overdue),
      sponsors,
      answers: own.map(({ consultationId: _, ...a }) => a),
    };
  });
}

/**
 * What an item's page shows: its topics, the sponsors to consult, and its consultations with
 * their answers. A sponsor's representative sees only their own organization in all three.
 */
export async function itemConsultations(
  executor: Executor,
  actor: Actor,
  kind: SubjectKind,
  id: string,
  today: string,
) {
  const coopId = actor.coopId;
  const subject = await loadSubject(executor, coopId, kind, id);
  // A withdrawn change is gone for whoever may not read withdrawn ones, here as on its page.
  if (subject.withdrawn && !releasesPolicy.readWithdrawn(actor, undefined))
    throw notFound('This release');
  const narrowTo = concernsPolicy.readAll(actor, undefined) ? null : ownOrganizationId(actor);
  const topics = await itemTopics(executor, coopId, kind, id);
  const sponsors = (await sponsorsSharing(executor, coopId, topics, today)).filter(
    (s) => !narrowTo || s.organizationId === narrowTo,
  );
  const rows = await executor
    .select()
    .from(consultations)
    .where(
      and(
        eq(consultations.coopId, coopId),
        eq(consultations.subjectKind, kind),
        eq(consultations.subjectId, id),
        narrowTo ? sql`${narrowTo}::uuid = any(${consultations.organizationIds})` : sql`true`,
      ),
    )
    .orderBy(desc(consultations.openedAt));
  return {
    subject,
    topics,
    sponsorsToConsult: sponsors,
    consultations: await withAnswers(executor, coopId, rows, today, narrowTo),
  };
}

/** Consultations newest first: every one, or those a sponsor was asked. */
export async function listConsultations(
  executor: Executor,
  coopId: string,
  organizationId: string | null,
  today: string,
) {
  const rows = await executor
    .select()
    .from(consultations)
    .where(
      and(
        eq(consultations.coopId, coopId),
        organizationId
          ? sql`${organizationId}::uuid = any(${consultations.organizationIds})`
          : sql`true`,
      ),
    )
    .orderBy(desc(consultations.openedAt));
  return withAnswers(executor, coopId, rows, today, organizationId);
}

export async function loadConsultation(executor: Executor, coopId: string, id: string) {
  const [row] = await executor
    .select()
    .from(consultations)
    .where(and(eq(consultations.coopId, coopId), eq(consultations.id, id)));
  return row;
}

/** The consultation a contact's link names, and for whom: undefined for an unknown secret. */
export async function recipientByTokenHash(executor: Executor, coopId: string, tokenHash: string) {
  const [row] = await executor
    .select()
    .from(consultationRecipients)
    .where(
      and(
        eq(consultationRecipients.coopId, coopId),
        eq(consultationRecipients.tokenHash, tokenHash),
      ),
    );
  return row;
}

/**
 * The recipient a reply's secret names, in whichever co-op: a reply arrives with no co-op but its
 * address. Undefined for an unknown secret.
 */
export async function recipientByReplyTokenHash(executor: Executor, replyTokenHash: string) {
  const [row] = await executor
    .select()
    .from(consultationRecipients)
    .where(eq(consultationRecipients.replyTokenHash, replyTokenHash));
  return row;
}

/** What the mail needs of one consultation's view, for one sponsor, by link. */
export async function consultationForSponsor(
  executor: Executor,
  coopId: string,
  consultationId: string,
  organizationId: string,
  today: string,
) {
  const row = await loadConsultation(executor, coopId, consultationId);
  if (!row) return undefined;
  const [view] = await withAnswers(executor, coopId, [row], today, organizationId);
  return view;
}

/** Whom to mail for a sponsor: the contacts it named, or else its representatives. */
export async function contactsToAsk(
  executor: Executor,
  coopId: string,
  organizationId: string,
): Promise<{ personId: string; name: string; email: string; locale: Locale }[]> {
  const [concerns] = await executor
    .select({ contactIds: sponsorConcerns.contactIds })
    .from(sponsorConcerns)
    .where(
      and(eq(sponsorConcerns.coopId, coopId), eq(sponsorConcerns.organizationId, organizationId)),
    );
  const contacts = await organizationContactPeople(executor, coopId, organizationId);
  const named = new Set(concerns?.contactIds ?? []);
  const chosen = contacts.filter((c) => named.has(c.personId));
  const representatives = contacts.filter((c) => c.roles.includes('representative'));
  const ids = (
    chosen.length > 0 ? chosen : representatives.length > 0 ? representatives : contacts
  ).map((c) => c.personId);
  if (ids.length === 0) return [];
  const rows = await executor
    .select({
      personId: people.id,
      name: people.displayName,
      email: personEmails.email,
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
    .where(and(eq(people.coopId, coopId), inArray(people.id, ids)))
    .orderBy(asc(people.displayName));
  return rows.map((r) => ({ ...r, locale: asLocale(r.locale) }));
}
