import { and, desc, eq, or, type SQL } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { asLocale } from '../../platform/i18n/locales.ts';
import { displayDay } from '../../platform/i18n/dates.ts';
import { isAdmin, isOfficer, ownOrganizationId } from '../../platform/policy.ts';
import { people } from '../../members/schema.ts';
import { organizations } from '../../organizations/schema.ts';
import { dividends, yearEndCloses } from '../schema.ts';
import {
  basisText,
  serverWriter,
  stepText,
  type BasisPart,
  type DividendStep,
} from './dividendMessages.ts';

/** A member sees their own dividends, a sponsor representative their organization's; officers all. */
function visibleTo(actor: Actor): SQL | undefined {
  if (isAdmin(actor) || isOfficer(actor)) return undefined;
  const own = [eq(dividends.personId, actor.personId ?? '00000000-0000-0000-0000-000000000000')];
  const organizationId = ownOrganizationId(actor);
  if (organizationId) own.push(eq(dividends.organizationId, organizationId));
  return or(...own);
}

export async function listDividends(executor: Executor, actor: Actor) {
  const rows = await executor
    .select({
      id: dividends.id,
      fiscalYear: yearEndCloses.fiscalYear,
      fromDay: yearEndCloses.fromDay,
      toDay: yearEndCloses.toDay,
      currency: yearEndCloses.currency,
      surplusMinor: yearEndCloses.surplusMinor,
      memberClass: dividends.memberClass,
      personName: people.displayName,
      organizationName: organizations.displayName,
      personLocale: people.locale,
      organizationLocale: organizations.locale,
      amountMinor: dividends.amountMinor,
      cashMinor: dividends.cashMinor,
      retainedMinor: dividends.retainedMinor,
      basis: dividends.basis,
    })
    .from(dividends)
    .innerJoin(yearEndCloses, eq(yearEndCloses.id, dividends.closeId))
    .leftJoin(people, and(eq(people.coopId, dividends.coopId), eq(people.id, dividends.personId)))
    .leftJoin(
      organizations,
      and(
        eq(organizations.coopId, dividends.coopId),
        eq(organizations.id, dividends.organizationId),
      ),
    )
    .where(and(eq(dividends.coopId, actor.coopId), visibleTo(actor)))
    .orderBy(desc(yearEndCloses.fiscalYear));
  return rows.map(({ personLocale, organizationLocale, ...r }) => ({
    ...r,
    recipient: r.personName ?? r.organizationName ?? '',
    // The notice is written in its recipient's language: a member's own, an organization's.
    locale: asLocale(personLocale ?? organizationLocale),
    surplus: formatAmount(r.surplusMinor, r.currency),
    amount: formatAmount(r.amountMinor, r.currency),
    cash: formatAmount(r.cashMinor, r.currency),
    retained: formatAmount(r.retainedMinor, r.currency),
    basis: r.basis as {
      basis: string;
      steps: string[];
      basisParts?: BasisPart[];
      stepFacts?: DividendStep[];
    },
  }));
}

/** One notice the actor may read (their own, their organization's; officers any). */
export async function dividendNotice(executor: Executor, actor: Actor, dividendId: string) {
  const notice = (await listDividends(executor, actor)).find((d) => d.id === dividendId);
  if (!notice) throw notFound('This dividend notice');
  return notice;
}

/**
 * The notice as a PDF a member can file: who, the year, the arithmetic, the three figures, in
 * the recipient's language (a notice closed before its steps were kept as facts keeps its
 * English steps).
 */
export async function dividendNoticePdf(
  executor: Executor,
  actor: Actor,
  coopName: string,
  dividendId: string,
): Promise<Buffer> {
  const notice = await dividendNotice(executor, actor, dividendId);
  const locale = notice.locale;
  const w = serverWriter(locale, notice.currency);
  const say = w.say;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: locale,
    info: { Title: say('pdf.title', { year: notice.fiscalYear }), Author: coopName },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  doc.fontSize(10).fillColor('#555').text(coopName);
  doc
    .moveDown(0.5)
    .fontSize(20)
    .fillColor('#000')
    .text(say('pdf.heading', { year: notice.fiscalYear }));
  doc
    .moveDown(0.3)
    .fontSize(11)
    .fillColor('#333')
    .text(
      say('pdf.period', {
        from: displayDay(notice.fromDay, locale),
        to: displayDay(notice.toDay, locale),
      }),
    );
  const memberClass = ['hacker', 'sponsor', 'community'].includes(notice.memberClass)
    ? say(`memberClass.${notice.memberClass as 'hacker' | 'sponsor' | 'community'}`)
    : notice.memberClass;
  doc
    .moveDown(1)
    .fontSize(12)
    .fillColor('#000')
    .text(say('pdf.to', { recipient: notice.recipient, memberClass }));
  // An organization is addressed formally ("Sie"), a member as the co-op speaks to members.
  const formal = notice.personName === null;
  doc
    .moveDown(1)
    .fontSize(13)
    .text(say(formal ? 'pdf.formal.yourShare' : 'pdf.yourShare'));
  const row = (label: string, minor: bigint) => {
    const y = doc.y;
    doc.fontSize(12).text(label, 56, y, { width: 300 });
    doc.text(w.money(String(minor)), 356, y, { width: 183, align: 'right' });
  };
  doc.moveDown(0.4);
  row(say('pdf.dividend'), notice.amountMinor);
  row(say('pdf.cash'), notice.cashMinor);
  row(say(formal ? 'pdf.formal.retained' : 'pdf.retained'), notice.retainedMinor);
  const basis = notice.basis.basisParts
    ? basisText(notice.basis.basisParts, w)
    : notice.basis.basis;
  doc
    .moveDown(0.4)
    .fontSize(10)
    .fillColor('#333')
    .text(say(formal ? 'pdf.formal.computedBy' : 'pdf.computedBy', { basis }), 56);
  doc.moveDown(1).fontSize(13).fillColor('#000').text(say('pdf.howSplit'));
  doc.moveDown(0.3).fontSize(10).fillColor('#222');
  const steps = notice.basis.stepFacts
    ? notice.basis.stepFacts.map((step) => stepText(step, w))
    : notice.basis.steps;
  for (const step of steps) doc.text(`•  ${step}`, { paragraphGap: 3 });
  doc.moveDown(1).fontSize(9).fillColor('#555').text(say('pdf.largestRemainder'));
  doc.end();
  return done;
}
