import { agreementInForce } from '../agreements/index.ts';
import { listAgreements } from '../agreements/queries.ts';
import { getConcerns, listConsultations } from '../concerns/queries.ts';
import { itemsTaggedWith } from '../concerns/taggedItems.ts';
import { sponsorNextCycle, sponsorWorkInPeriod } from '../governance/sponsorWorkQueries.ts';
import { tenthsOf } from '../pipeline/input.ts';
import { pipelineBoard } from '../pipeline/queries.ts';
import { releasesInPeriod } from '../releases/index.ts';
import type { Executor } from '../platform/db/database.ts';
import { dayOf } from '../platform/dates.ts';
import { parseAmount } from '../platform/money/amount.ts';
import { requestsInPeriod } from '../requests/periodQueries.ts';
import { complianceReport } from '../servicelevels/clockQueries.ts';
import { listVulnerabilities } from '../vulnerabilities/queries.ts';
import type { DigestContent } from './content.ts';
import type { DigestPeriod } from './periods.ts';

/** An engineer-month as the digest counts it: 160 working hours (4 weeks of 40). */
export const MINUTES_PER_ENGINEER_MONTH = 160 * 60;

const inPeriod = (day: string, period: { from: string; to: string }) =>
  day >= period.from && day <= period.to;

/** Minutes as tenths of an engineer-month, to the nearest tenth (integers only). */
export const engineerMonthTenths = (minutes: number): number =>
  Math.floor((minutes * 10 * 2 + MINUTES_PER_ENGINEER_MONTH) / (2 * MINUTES_PER_ENGINEER_MONTH));

/**
 * Everything a sponsor's digest says about a period, read through the other domains' reads:
 * the work on its items and topics, its requests and how fast the first answers came, the
 * service-level clocks, consultations, vulnerabilities disclosed, the releases and planned
 * changes on its topics, the next cycle's plan, and the
 * engineer-months all that is worth against its own estimate of replacing it.
 */
export async function assembleDigest(
  executor: Executor,
  coopId: string,
  organizationId: string,
  period: DigestPeriod,
  now: Date,
): Promise<DigestContent> {
  const concerns = await getConcerns(executor, coopId, organizationId);
  const agreement = await agreementInForce(executor, coopId, organizationId, period.to);
  const agreementRow = agreement
    ? (await listAgreements(executor, coopId, organizationId)).find((a) => a.id === agreement.id)
    : undefined;
  const sponsor = {
    organizationId,
    topics: concerns.topics,
    itemIds: await itemsTaggedWith(executor, coopId, 'work-item', concerns.topics),
  };
  const work = await sponsorWorkInPeriod(executor, coopId, sponsor, period);
  const requests = await requestsInPeriod(executor, coopId, organizationId, period);
  const report = await complianceReport(executor, coopId, organizationId, period, now);
  const firstResponse = new Map(
    report.clocks
      .filter((c) => c.kind === 'first-response' && c.subjectType === 'sponsor-request')
      .map((c) => [c.subjectId, c.state]),
  );
  const impactNote = new Map(
    report.clocks.filter((c) => c.kind === 'impact-note').map((c) => [c.subjectId, c.state]),
  );
  // Overdue as of the period's end, or today for a period not over yet.
  const asOf = dayOf(now) < period.to ? dayOf(now) : period.to;
  const consultations = (await listConsultations(executor, coopId, organizationId, asOf)).filter(
    (c) => inPeriod(dayOf(c.openedAt), period) || inPeriod(c.answerBy, period),
  );
  const vulnerabilities = (
    await listVulnerabilities(executor, coopId, { disclosedOnly: true })
  ).filter((v) => v.disclosedAt && inPeriod(dayOf(v.disclosedAt), period));
  const changes = await releasesInPeriod(
    executor,
    coopId,
    await itemsTaggedWith(executor, coopId, 'release', concerns.topics),
    period,
  );
  const replaceAnswer = (await pipelineBoard(executor, coopId, { now: () => now })).stages
    .flatMap((s) => s.opportunities)
    .filter((o) => o.organizationId === organizationId && o.engineerMonths !== null)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  const minutes =
    work.reduce((sum, w) => sum + w.minutes, 0) + requests.reduce((sum, r) => sum + r.minutes, 0);
  return {
    organization: { id: organizationId, name: concerns.organizationName },
    period: { from: period.from, to: period.to, frequency: period.frequency },
    agreement:
      agreement && agreementRow
        ? {
            number: agreement.number,
            tiers: agreement.tiers.map((t) => t.name),
            perPeriodMinor: parseAmount(agreementRow.perPeriod, agreementRow.currency).toString(),
            currency: agreementRow.currency,
            billingPeriodMonths: agreementRow.billingPeriodMonths,
          }
        : null,
    work: work.map((w) => ({
      id: w.id,
      title: w.title,
      status: w.status,
      minutes: w.minutes,
      finished: w.finished,
    })),
    requests: requests.map((r) => {
      const state = firstResponse.get(r.id);
      return {
        number: r.number,
        subject: r.subject,
        severity: r.severity,
        status: r.status,
        openedAt: r.openedAt.toISOString(),
        minutes: r.minutes,
        firstResponseMinutes: r.firstReplyAt
          ? Math.round((r.firstReplyAt.getTime() - r.openedAt.getTime()) / 60_000)
          : null,
        firstResponseMet: state === 'met' ? true : state === 'breached' ? false : null,
      };
    }),
    clocks: { met: report.met, breached: report.breached, open: report.open },
    consultations: consultations.map((c) => ({
      title: c.subjectTitle,
      whatChanges: c.whatChanges,
      answerBy: c.answerBy,
      answered: c.sponsors.some((s) => s.answered),
      objected: c.sponsors.some((s) => s.objected),
      overdue: c.sponsors.some((s) => s.overdue),
    })),
    vulnerabilities: vulnerabilities.map((v) => {
      const state = impactNote.get(v.id);
      return {
        title: v.title,
        identifiers: v.identifiers,
        severity: v.severity,
        disclosedAt: v.disclosedAt!.toISOString(),
        impactNoteClock: state ?? null,
      };
    }),
    changes: changes.map((r) => ({
      title: r.title,
      project: r.project,
      version: r.version,
      kind: r.kind,
      day: r.state === 'published' && r.publishedAt ? dayOf(r.publishedAt) : r.plannedOn,
      published: r.state === 'published',
    })),
    nextCycle: await sponsorNextCycle(executor, coopId, sponsor, period.to),
    totals: {
      minutes,
      engineerMonthsTenths: engineerMonthTenths(minutes),
      replaceEngineerMonthsTenths: replaceAnswer?.engineerMonths
        ? tenthsOf(replaceAnswer.engineerMonths)
        : null,
    },
  };
}
