import { currentBylaws } from '../bylaws/repository.ts';
import { coopById } from '../coop/queries.ts';
import { getMemberProfile } from '../members/queries.ts';
import { getOrganization } from '../organizations/queries.ts';
import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db/database.ts';
import { formatAmount } from '../platform/money/amount.ts';

const majorityWords: Record<string, string> = {
  simple: 'a simple majority',
  'two-thirds': 'a two-thirds majority',
  'three-quarters': 'a three-quarters majority',
  unanimous: 'unanimity',
};

/**
 * The data every template may use: the co-op and its bylaws in force, and, when named, the
 * organization or the person the paper is for. What is not named is absent, so a template that
 * needs it fails to render rather than print a gap.
 */
export async function templateData(
  executor: Executor,
  coopId: string,
  subject: { organizationId?: string | null; personId?: string | null },
  clock: Pick<Clock, 'today'>,
): Promise<Record<string, unknown>> {
  const coop = await coopById(executor, coopId);
  const bylaws = await currentBylaws(executor, coopId, clock);
  const doc = bylaws.document;
  const questions = doc.decisions.questions;
  const data: Record<string, unknown> = {
    today: clock.today(),
    coop: { name: coop.name, currency: coop.currency },
    bylaws: {
      version: bylaws.version,
      effectiveOn: bylaws.effectiveOn,
      pie: doc.pie,
      cycleMonths: doc.cycle.lengthMonths,
      fiscalYearStartMonth: doc.fiscalYear.startMonth,
      officers: doc.officers.map((o) => ({
        title: o.title,
        termMonths: o.termMonths,
        duties: o.duties,
      })),
      generalMajority:
        majorityWords[questions?.general.majority ?? doc.decisions.majority ?? 'simple'],
      generalQuorumPercent: questions?.general.quorumPercent ?? doc.decisions.quorumPercent ?? 0,
      amendmentMajority:
        majorityWords[
          questions?.amendment.majority ?? doc.decisions.bylawAmendmentMajority ?? 'two-thirds'
        ],
      entrenchedMajority: majorityWords[doc.decisions.entrenched.majority],
      secretElections: doc.decisions.secretBallotsForElections,
      fundingTrailingMonths: doc.funding.trailingMonths,
      reserves: doc.dividends.reserves,
      dividendSplit: doc.dividends.split,
      compensationTarget: formatAmount(BigInt(doc.compensation.targetAnnualMinor), coop.currency),
      compensationDescription: doc.compensation.targetDescription,
      serviceHoursPerHackerMonth: doc.capacity.serviceHoursPerHackerMonth,
    },
  };
  if (subject.organizationId) {
    const o = await getOrganization(executor, coopId, subject.organizationId);
    data.organization = {
      legalName: o.legalName,
      taxId: o.taxId ?? '',
      country: o.country ?? '',
      billingAddress: o.billingAddress ?? '',
    };
  }
  if (subject.personId) {
    const p = await getMemberProfile(executor, coopId, subject.personId, false, clock.today());
    data.person = {
      name: p.displayName,
      memberClass: p.memberClass ?? '',
      organizationName: p.organizationName ?? '',
      joinedOn: p.joinedAt ? p.joinedAt.toISOString().slice(0, 10) : '',
    };
  }
  return data;
}
