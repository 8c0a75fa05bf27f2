import { organizationContactPeople } from '../concerns/queries.ts';
import { coopById } from '../coop/queries.ts';
import type { Executor } from '../platform/db/database.ts';
import { displayDay } from '../platform/i18n/dates.ts';
import type { Locale } from '../platform/i18n/locales.ts';
import { activeMemberAddresses } from '../requests/recipients.ts';
import { digestText } from './messages.ts';
import {
  digestMarkdown,
  digestPdf,
  markdownToHtml,
  markdownToText,
  type DigestFrame,
} from './render.ts';
import type { DigestRow } from './repository.ts';

export const portalLink = (publicUrl: string) => `${publicUrl.replace(/\/$/, '')}/portal`;

/** One digest in one language: the Markdown, its text and HTML, and the PDF on demand. */
export async function renderDigest(
  executor: Executor,
  digest: DigestRow,
  options: { locale: Locale; publicUrl: string; recipientName?: string },
) {
  const coop = await coopById(executor, digest.coopId);
  const frame: DigestFrame = {
    coopName: coop.name,
    portalLink: portalLink(options.publicUrl),
    note: digest.note,
    contentHash: digest.contentHash,
    locale: options.locale,
    ...(options.recipientName ? { recipientName: options.recipientName } : {}),
  };
  const vars = {
    coop: coop.name,
    organization: digest.content.organization.name,
    from: displayDay(digest.periodFrom, options.locale),
    to: displayDay(digest.periodTo, options.locale),
  };
  const title = digestText(options.locale, 'title', vars);
  const subject = digestText(options.locale, 'subject', {
    ...vars,
    frequency: digestText(options.locale, `frequency.${digest.frequency}`),
  });
  const markdown = digestMarkdown(digest.content, frame);
  return {
    title,
    subject,
    markdown,
    text: markdownToText(markdown),
    html: markdownToHtml(markdown, options.locale, title),
    /** The same digest gives the same bytes: its moment is when it was sent (or prepared). */
    pdf: () => digestPdf(markdown, frame, title, digest.sentAt ?? digest.preparedAt),
    fileName: `digest-${digest.periodFrom}-${digest.periodTo}.pdf`,
  };
}

/** Whom a digest goes to: the organization's representatives, or all its contacts if none. */
export async function digestRecipients(executor: Executor, coopId: string, organizationId: string) {
  const contacts = await organizationContactPeople(executor, coopId, organizationId);
  const representatives = contacts.filter((c) => c.roles.includes('representative'));
  const chosen = representatives.length > 0 ? representatives : contacts;
  return activeMemberAddresses(
    executor,
    coopId,
    chosen.map((c) => c.personId),
  );
}
