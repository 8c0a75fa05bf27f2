import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../platform/db/database.ts';
import { notFound } from '../platform/errors.ts';
import { documentAcceptances, documentVersions } from './schema.ts';

/** A document version's record, without its bytes. */
export async function getDocumentVersion(executor: Executor, coopId: string, id: string) {
  const [row] = await executor
    .select({
      id: documentVersions.id,
      templateKey: documentVersions.templateKey,
      templateVersion: documentVersions.templateVersion,
      title: documentVersions.title,
      subjectType: documentVersions.subjectType,
      subjectId: documentVersions.subjectId,
      organizationId: documentVersions.organizationId,
      personId: documentVersions.personId,
      sha256: documentVersions.sha256,
      pdfSha256: documentVersions.pdfSha256,
      body: documentVersions.body,
      createdAt: documentVersions.createdAt,
    })
    .from(documentVersions)
    .where(and(eq(documentVersions.coopId, coopId), eq(documentVersions.id, id)));
  if (!row) throw notFound('This document');
  return row;
}

export async function documentPdf(executor: Executor, coopId: string, id: string) {
  const [row] = await executor
    .select({ pdf: documentVersions.pdf, title: documentVersions.title })
    .from(documentVersions)
    .where(and(eq(documentVersions.coopId, coopId), eq(documentVersions.id, id)));
  if (!row) throw notFound('This document');
  return row;
}

/**
 * Who accepted what, newest first: one organization's or one person's ("what did this sponsor
 * sign, and when"), or every acceptance.
 */
export async function listAcceptances(
  executor: Executor,
  coopId: string,
  filter: { organizationId?: string | undefined; personId?: string | undefined },
) {
  const where: SQL[] = [eq(documentAcceptances.coopId, coopId)];
  if (filter.organizationId)
    where.push(eq(documentAcceptances.organizationId, filter.organizationId));
  if (filter.personId) where.push(eq(documentAcceptances.personId, filter.personId));
  return executor
    .select({
      id: documentAcceptances.id,
      documentVersionId: documentAcceptances.documentVersionId,
      title: documentVersions.title,
      templateKey: documentVersions.templateKey,
      templateVersion: documentVersions.templateVersion,
      sha256: documentAcceptances.sha256,
      organizationId: documentAcceptances.organizationId,
      personId: documentAcceptances.personId,
      name: documentAcceptances.name,
      email: documentAcceptances.email,
      role: documentAcceptances.role,
      acceptedAt: documentAcceptances.acceptedAt,
      ip: documentAcceptances.ip,
      userAgent: documentAcceptances.userAgent,
    })
    .from(documentAcceptances)
    .innerJoin(
      documentVersions,
      and(
        eq(documentVersions.coopId, documentAcceptances.coopId),
        eq(documentVersions.id, documentAcceptances.documentVersionId),
      ),
    )
    .where(and(...where))
    .orderBy(desc(documentAcceptances.acceptedAt));
}
