import { Fragment } from 'react';
import { Link } from 'wouter';
import { formatDate, formatDateTime, monthName } from '../app/format.ts';
import { formatMoney } from '../app/money.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { PieBars } from './PieBars.tsx';
import type { BylawsDocument, BylawsVersion, QuestionRulesByKind } from '../api/types.ts';
import {
  majorityLabels,
  questionKindLabels,
  questionKinds,
  rulesSummary,
  versionState,
} from '../bylaws/labels.ts';

function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
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
        <h2 id="bylaws-pie">The pie</h2>
        <p>
          Each cycle of <strong>{doc.cycle.lengthMonths}</strong> month
          {doc.cycle.lengthMonths === 1 ? '' : 's'}, the hackers’ time is shared between the member
          classes in fixed proportions, so that no class can take over the co-op.
        </p>
        <PieBars shares={doc.pie} label="Share of hacker time per cycle" />
        <p className="muted">The fiscal year starts in {monthName(doc.fiscalYear.startMonth)}.</p>
      </section>

      <section aria-labelledby="bylaws-decisions" className="card">
        <h2 id="bylaws-decisions">Decisions</h2>
        <p className="muted">
          A proposer may make a vote stricter than these rules, never looser. A vote closes before
          its time only once the ballots still to come can no longer change its outcome.
        </p>
        <dl className="details">
          {questionKinds.map((kind) => (
            <Fragment key={kind}>
              <dt>{questionKindLabels[kind]}</dt>
              <dd>{rulesSummary(rules[kind], kind)}</dd>
            </Fragment>
          ))}
          <dt>The pie, the dividend split and these rules</dt>
          <dd>
            Change only by a vote of {majorityLabels[entrenched.majority].toLowerCase()}
            {entrenched.inEachClass ? ', reached in each member class separately' : ''}
          </dd>
          <dt>Secret ballots in elections</dt>
          <dd>{yesNo(doc.decisions.secretBallotsForElections)}</dd>
        </dl>
      </section>

      <section aria-labelledby="bylaws-officers" className="card">
        <h2 id="bylaws-officers">Officers</h2>
        <ul className="officer-list">
          {doc.officers.map((o) => (
            <li key={o.role}>
              <h3>{o.title}</h3>
              <p className="muted">
                Elected for {o.termMonths} month{o.termMonths === 1 ? '' : 's'}
              </p>
              {o.duties ? <p>{o.duties}</p> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="bylaws-dividends" className="card">
        <h2 id="bylaws-dividends">Dividends</h2>
        <p>At the end of the fiscal year the surplus is first put into reserves:</p>
        {doc.dividends.reserves.length === 0 ? (
          <p className="muted">No reserves.</p>
        ) : (
          <ul className="plain-list">
            {doc.dividends.reserves.map((r) => (
              <li key={r.name}>
                {r.name}: <strong>{r.percent}%</strong>
              </li>
            ))}
          </ul>
        )}
        <p>
          The remaining {100 - reserved}% is split between the classes: hackers as benefits by their
          hours, sponsors as rebates by their funding, and the community as a fund.
        </p>
        <PieBars shares={doc.dividends.split} label="Split of the surplus after reserves" />
      </section>

      <section aria-labelledby="bylaws-funding" className="card">
        <h2 id="bylaws-funding">Funding and pay</h2>
        <dl className="details">
          <dt>Sponsor weight</dt>
          <dd>
            Funding over the trailing {doc.funding.trailingMonths} month
            {doc.funding.trailingMonths === 1 ? '' : 's'}
          </dd>
          <dt>Contributed labour valued at</dt>
          <dd>{formatMoney(doc.funding.labourHourRateMinor, currency)} per hour</dd>
          <dt>Hacker pay target</dt>
          <dd>
            {formatMoney(doc.compensation.targetAnnualMinor, currency)} a year
            {doc.compensation.targetDescription ? ` — ${doc.compensation.targetDescription}` : ''}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="bylaws-transparency" className="card">
        <h2 id="bylaws-transparency">Transparency</h2>
        <dl className="details">
          <dt>Member directory is public</dt>
          <dd>{yesNo(doc.transparency.publishMemberDirectory)}</dd>
          <dt>Finance summary is public</dt>
          <dd>{yesNo(doc.transparency.publishFinanceSummary)}</dd>
          <dt>Personal pay is public</dt>
          <dd>{yesNo(doc.transparency.publishPersonalPay)}</dd>
          <dt>Each sponsor’s funding shown to members</dt>
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
      <h2 id="bylaws-history">History</h2>
      {versions.error ? <LoadError error={versions.error} retry={versions.reload} /> : null}
      {!versions.data && !versions.error ? <Loading /> : null}
      <ul className="version-list">
        {list.map((v) => (
          <li key={v.version}>
            <Link href={`/bylaws/versions/${v.version}`}>Version {v.version}</Link>
            {versionState(v, current) === 'in-force' ? (
              <span className="badge badge-ok">In force</span>
            ) : versionState(v, current) === 'scheduled' ? (
              <span className="badge badge-warn">From {formatDate(v.effectiveOn)}</span>
            ) : null}{' '}
            <span className="muted">
              adopted {formatDate(v.adoptedAt)}, in force from {formatDate(v.effectiveOn)}
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
      title="Bylaws"
      actions={
        session.user?.can.amendBylaws || session.user?.can.callVotes ? (
          <Link href="/bylaws/amend" className="button primary">
            Amend the bylaws
          </Link>
        ) : null
      }
    >
      {bylaws.error ? <LoadError error={bylaws.error} retry={bylaws.reload} /> : null}
      {!data && !bylaws.error ? <Loading /> : null}
      {data ? (
        <>
          <p className="lead">
            Version {data.version}, adopted {formatDateTime(data.adoptedAt)}, in force since{' '}
            {formatDate(data.effectiveOn)}: {data.summary}
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
    <Page title={`Bylaws, version ${params.version}`}>
      <p>
        <Link href="/bylaws">
          <span aria-hidden="true">← </span>The bylaws in force and their history
        </Link>
      </p>
      {version.error ? <LoadError error={version.error} retry={version.reload} /> : null}
      {!data && !version.error ? <Loading /> : null}
      {data ? (
        <>
          <div className={state === 'in-force' ? 'notice notice-success' : 'notice notice-info'}>
            <p>
              {state === 'in-force'
                ? 'This version is in force.'
                : state === 'scheduled'
                  ? `This version is adopted and takes over on ${formatDate(data.effectiveOn)}.`
                  : 'This is an earlier version; it is no longer in force.'}{' '}
              Adopted {formatDateTime(data.adoptedAt)}: {data.summary}
            </p>
          </div>
          <BylawsDocumentView document={data.document} rules={data.rules} />
        </>
      ) : null}
    </Page>
  );
}
