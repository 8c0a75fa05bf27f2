import { Link } from 'wouter';
import { agreementStatusLabel } from '../agreements/types.ts';
import { formatDate } from '../app/format.ts';
import { PortalDigests } from '../digests/PortalDigests.tsx';
import { formatDecimal, formatMoney } from '../app/money.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { hours as formatHours, shareOfSupport } from '../governance/labels.ts';
import { t } from './messages.ts';

/**
 * A sponsor's home at the co-op, for its representatives: its standing in the vote, its
 * agreements, what it owes and the labour it gave. Every figure comes from routes that answer a
 * sponsor with its own organization's records only.
 */
export function Portal() {
  const user = useUser();
  const organizationId = user.organizationId;
  const organization = useQuery(organizationId ? '/api/organizations/{id}' : null, {
    params: { path: { id: organizationId ?? '' } },
  });
  const name = organization.data?.displayName ?? '';
  return (
    <Page title={t('title')}>
      <p className="lead">{t('lead', { organization: name })}</p>
      <Standing />
      <Agreements />
      <Invoices />
      <section aria-labelledby="portal-service" className="card">
        <h2 id="portal-service">{t('service.heading')}</h2>
        <ul>
          <li>
            <Link href="/requests">{t('service.requests')}</Link>
          </li>
          <li>
            <Link href="/clocks">{t('service.clocks')}</Link>
          </li>
          {organizationId ? (
            <li>
              <Link href={`/organizations/${organizationId}/service-report`}>
                {t('service.report')}
              </Link>
            </li>
          ) : null}
          <li>
            <Link href="/concerns">{t('service.concerns')}</Link>
          </li>
          <li>
            <Link href="/consultations">{t('service.consultations')}</Link>
          </li>
        </ul>
      </section>
      <PortalDigests />
      <Labour />
    </Page>
  );
}

function Standing() {
  const standing = useQuery('/api/sponsor-standing');
  const s = standing.data;
  return (
    <section aria-labelledby="portal-standing" className="card">
      <h2 id="portal-standing">{t('standing.heading')}</h2>
      {standing.error ? <LoadError error={standing.error} retry={standing.reload} /> : null}
      {!s && !standing.error ? <Loading /> : null}
      {s ? (
        <>
          <p className="muted">{t('standing.window', { day: formatDate(s.windowAfter) })}</p>
          <dl className="details">
            <dt>{t('standing.money')}</dt>
            <dd>{formatMoney(s.moneyMinor, s.currency)}</dd>
            <dt>{t('standing.labour')}</dt>
            <dd>
              {t('standing.labourValue', {
                hours: formatHours(s.labourHours),
                rate: formatMoney(s.labourHourRateMinor, s.currency),
              })}
            </dd>
            <dt>{t('standing.weight')}</dt>
            <dd>
              <strong>{formatMoney(s.weightMinor, s.currency)}</strong>
            </dd>
            <dt>{t('standing.share')}</dt>
            <dd>{shareOfSupport(s.weightMinor, BigInt(s.totalWeightMinor))}</dd>
          </dl>
          <p>{t('standing.explain')}</p>
        </>
      ) : null}
    </section>
  );
}

function Agreements() {
  const list = useQuery('/api/agreements');
  const agreements = list.data?.agreements ?? [];
  return (
    <section aria-labelledby="portal-agreements" className="card">
      <h2 id="portal-agreements">{t('agreements.heading')}</h2>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && agreements.length === 0 ? (
        <p className="muted">{t('agreements.none')}</p>
      ) : null}
      {agreements.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('agreements.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agreements.number')}</th>
              <th scope="col">{t('agreements.title')}</th>
              <th scope="col">{t('agreements.ends')}</th>
              <th scope="col">{t('agreements.state')}</th>
            </tr>
          </thead>
          <tbody>
            {agreements.map((a) => (
              <tr key={a.id}>
                <td data-label={t('agreements.number')} className="cell-title">
                  <Link href={`/agreements/${a.id}`}>{a.number}</Link>
                </td>
                <td data-label={t('agreements.title')}>{a.title}</td>
                <td data-label={t('agreements.ends')}>
                  {formatDate(a.endsOn ?? a.currentTermEndsOn)}
                </td>
                <td data-label={t('agreements.state')}>{agreementStatusLabel(a.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p>
        <Link href="/agreements">{t('agreements.all')}</Link>
      </p>
    </section>
  );
}

function Invoices() {
  const list = useQuery('/api/invoices');
  // Owed: an invoice open or partly paid with something left (a credit note owes nothing).
  const open = (list.data?.invoices ?? []).filter(
    (i) =>
      i.kind === 'invoice' &&
      (i.status === 'open' || i.status === 'partially-paid') &&
      i.due !== null &&
      !i.due.startsWith('-') &&
      /[1-9]/.test(i.due),
  );
  return (
    <section aria-labelledby="portal-invoices" className="card">
      <h2 id="portal-invoices">{t('invoices.heading')}</h2>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && open.length === 0 ? <p className="muted">{t('invoices.none')}</p> : null}
      {open.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('invoices.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('invoices.number')}</th>
              <th scope="col">{t('invoices.due')}</th>
              <th scope="col" className="num">
                {t('invoices.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {open.map((i) => (
              <tr key={i.id}>
                <td data-label={t('invoices.number')} className="cell-title">
                  <Link href={`/invoices/${i.id}`}>{i.number}</Link>
                </td>
                <td data-label={t('invoices.due')}>
                  {formatDate(i.dueDate)}
                  {i.overdue ? (
                    <>
                      {' '}
                      <strong>{t('invoices.overdue')}</strong>
                    </>
                  ) : null}
                </td>
                <td data-label={t('invoices.amount')} className="num">
                  {formatDecimal(i.due ?? '0', i.currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p>
        <Link href="/invoices">{t('invoices.all')}</Link>
      </p>
    </section>
  );
}

function Labour() {
  const list = useQuery('/api/sponsor-labour', { params: { query: { status: 'logged' } } });
  const waiting = list.data?.labour.length ?? 0;
  return (
    <section aria-labelledby="portal-labour" className="card">
      <h2 id="portal-labour">{t('labour.heading')}</h2>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {list.data ? (
        <p>{waiting > 0 ? t('labour.summary', { count: waiting }) : t('labour.none')}</p>
      ) : null}
      <p>
        <Link href="/labour">{t('labour.link')}</Link>
      </p>
    </section>
  );
}
