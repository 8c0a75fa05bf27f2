import { FilePenLine } from 'lucide-react';
import { Fragment } from 'react';
import { Link } from 'wouter';
import { formatDate, formatDateTime, monthName } from '../app/format.ts';
import { formatMoney, percent } from '../app/money.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { PieBars } from './PieBars.tsx';
import type { BylawsDocument, BylawsVersion, QuestionRulesByKind } from '../api/types.ts';
import {
  majorityInline,
  questionKindLabel,
  questionKinds,
  rulesSummary,
  versionState,
} from '../bylaws/labels.ts';
import { t } from './messages.ts';

function yesNo(value: boolean): string {
  return value ? t('yes') : t('no');
}

/** The bylaws as readable sections; headings start at h2 (the page's h1 names the version). */
export function BylawsDocumentView({
  document: doc,
  rules,
}: {
  document: BylawsDocument;
  rules: QuestionRulesByKind;
}) {
  const { session } = useSession();
  const entrenched = doc.decisions.entrenched ?? { majority: 'two-thirds', inEachClass: true };
  const currency = session.coop?.currency ?? 'EUR';
  const reserved = doc.dividends.reserves.reduce((sum, r) => sum + r.percent, 0);
  return (
    <div className="bylaws">
      <section aria-labelledby="bylaws-pie" className="card">
        <h2 id="bylaws-pie">{t('doc.pie')}</h2>
        <p>{t('doc.pieIntro', { count: doc.cycle.lengthMonths })}</p>
        <PieBars shares={doc.pie} label={t('doc.pieBars')} />
        <p className="muted">
          {t('doc.fiscalYearStarts', { month: monthName(doc.fiscalYear.startMonth) })}
        </p>
      </section>

      <section aria-labelledby="bylaws-decisions" className="card">
        <h2 id="bylaws-decisions">{t('doc.decisions')}</h2>
        <p className="muted">{t('doc.decisionsIntro')}</p>
        <dl className="details">
          {questionKinds.map((kind) => (
            <Fragment key={kind}>
              <dt>{questionKindLabel(kind)}</dt>
              <dd>{rulesSummary(rules[kind], kind)}</dd>
            </Fragment>
          ))}
          <dt>{t('doc.entrenched')}</dt>
          <dd>
            {t(entrenched.inEachClass ? 'doc.entrenchedRuleEachClass' : 'doc.entrenchedRule', {
              majority: majorityInline(entrenched.majority),
            })}
          </dd>
          <dt>{t('doc.secretBallots')}</dt>
          <dd>{yesNo(doc.decisions.secretBallotsForElections)}</dd>
        </dl>
      </section>

      <section aria-labelledby="bylaws-officers" className="card">
        <h2 id="bylaws-officers">{t('doc.officers')}</h2>
        <ul className="officer-list">
          {doc.officers.map((o) => (
            <li key={o.role}>
              <h3>{o.title}</h3>
              <p className="muted">{t('doc.electedFor', { count: o.termMonths })}</p>
              {o.duties ? <p>{o.duties}</p> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="bylaws-dividends" className="card">
        <h2 id="bylaws-dividends">{t('doc.dividends')}</h2>
        <p>{t('doc.reservesFirst')}</p>
        {doc.dividends.reserves.length === 0 ? (
          <p className="muted">{t('doc.noReserves')}</p>
        ) : (
          <ul className="plain-list">
            {doc.dividends.reserves.map((r) => (
              <li key={r.name}>
                {r.name}: <strong>{percent(r.percent)}</strong>
              </li>
            ))}
          </ul>
        )}
        <p>{t('doc.remainingSplit', { percent: percent(100 - reserved) })}</p>
        <PieBars shares={doc.dividends.split} label={t('doc.splitBars')} />
      </section>

      <section aria-labelledby="bylaws-funding" className="card">
        <h2 id="bylaws-funding">{t('doc.funding')}</h2>
        <dl className="details">
          <dt>{t('doc.sponsorWeight')}</dt>
          <dd>{t('doc.trailing', { count: doc.funding.trailingMonths })}</dd>
          <dt>{t('doc.labourRate')}</dt>
          <dd>
            {t('doc.perHour', { amount: formatMoney(doc.funding.labourHourRateMinor, currency) })}
          </dd>
          <dt>{t('doc.payTarget')}</dt>
          <dd>
            {doc.compensation.targetDescription
              ? t('doc.perYearDescribed', {
                  amount: formatMoney(doc.compensation.targetAnnualMinor, currency),
                  description: doc.compensation.targetDescription,
                })
              : t('doc.perYear', {
                  amount: formatMoney(doc.compensation.targetAnnualMinor, currency),
                })}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="bylaws-transparency" className="card">
        <h2 id="bylaws-transparency">{t('doc.transparency')}</h2>
        <dl className="details">
          <dt>{t('doc.publicDirectory')}</dt>
          <dd>{yesNo(doc.transparency.publishMemberDirectory)}</dd>
          <dt>{t('doc.publicFinance')}</dt>
          <dd>{yesNo(doc.transparency.publishFinanceSummary)}</dd>
          <dt>{t('doc.publicPay')}</dt>
          <dd>{yesNo(doc.transparency.publishPersonalPay)}</dd>
          <dt>{t('doc.sponsorFundingShown')}</dt>
          <dd>{yesNo(doc.transparency.publishSponsorFunding)}</dd>
        </dl>
      </section>
    </div>
  );
}

function VersionHistory({ current }: { current: BylawsVersion | undefined }) {
  const versions = useQuery('/api/bylaws/versions');
  const list = [...(versions.data?.versions ?? [])].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby="bylaws-history" className="card">
      <h2 id="bylaws-history">{t('history.title')}</h2>
      {versions.error ? <LoadError error={versions.error} retry={versions.reload} /> : null}
      {!versions.data && !versions.error ? <Loading /> : null}
      <ul className="version-list">
        {list.map((v) => (
          <li key={v.version}>
            <Link href={`/bylaws/versions/${v.version}`}>
              {t('history.version', { version: v.version })}
            </Link>
            {versionState(v, current) === 'in-force' ? (
              <span className="badge badge-ok">{t('history.inForce')}</span>
            ) : versionState(v, current) === 'scheduled' ? (
              <span className="badge badge-warn">
                {t('history.from', { day: formatDate(v.effectiveOn) })}
              </span>
            ) : null}{' '}
            <span className="muted">
              {t('history.adopted', {
                adoptedOn: formatDate(v.adoptedAt),
                effectiveOn: formatDate(v.effectiveOn),
              })}
            </span>
            <p>{v.summary}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function BylawsPage() {
  const { session } = useSession();
  const bylaws = useQuery('/api/bylaws');
  const data = bylaws.data;
  return (
    <Page
      title={t('page.title')}
      actions={
        session.user?.can.amendBylaws || session.user?.can.callVotes ? (
          <Link href="/bylaws/amend" className="button primary">
            <FilePenLine className="icon" aria-hidden="true" size={18} />
            {t('page.amend')}
          </Link>
        ) : null
      }
    >
      {bylaws.error ? <LoadError error={bylaws.error} retry={bylaws.reload} /> : null}
      {!data && !bylaws.error ? <Loading /> : null}
      {data ? (
        <>
          <p className="lead">
            {t('page.lead', {
              version: data.version,
              adoptedAt: formatDateTime(data.adoptedAt),
              effectiveOn: formatDate(data.effectiveOn),
              summary: data.summary,
            })}
          </p>
          <BylawsDocumentView document={data.document} rules={data.rules} />
        </>
      ) : null}
      <VersionHistory current={data} />
    </Page>
  );
}

export function BylawsVersionPage({ params }: { params: { version: string } }) {
  const version = useQuery('/api/bylaws/versions/{version}', {
    params: { path: { version: Number(params.version) } },
  });
  const current = useQuery('/api/bylaws');
  const data = version.data;
  const state = data ? versionState(data, current.data) : 'earlier';
  return (
    <Page title={t('page.versionTitle', { version: params.version })}>
      <p>
        <Link href="/bylaws">
          <span aria-hidden="true">← </span>
          {t('page.backToBylaws')}
        </Link>
      </p>
      {version.error ? <LoadError error={version.error} retry={version.reload} /> : null}
      {!data && !version.error ? <Loading /> : null}
      {data ? (
        <>
          <div className={state === 'in-force' ? 'notice notice-success' : 'notice notice-info'}>
            <p>
              {state === 'in-force'
                ? t('page.inForce')
                : state === 'scheduled'
                  ? t('page.scheduled', { day: formatDate(data.effectiveOn) })
                  : t('page.earlier')}{' '}
              {t('page.adopted', {
                adoptedAt: formatDateTime(data.adoptedAt),
                summary: data.summary,
              })}
            </p>
          </div>
          <BylawsDocumentView document={data.document} rules={data.rules} />
        </>
      ) : null}
    </Page>
  );
}
