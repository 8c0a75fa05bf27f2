import { useState } from 'react';
import { Link, useSearch } from 'wouter';
import { formatDateTime } from '../app/format.ts';
import { DateField } from '../app/DateField.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { kindLabel, severityLabel, stateLabel } from './labels.ts';
import { t } from './messages.ts';
import { ServiceCreditCell } from './ServiceCreditCell.tsx';

const today = () => new Date().toISOString().slice(0, 10);
const firstOfMonth = () => `${today().slice(0, 7)}-01`;

/**
 * A sponsor's compliance report: every clock of a period with its evidence and the service
 * credit its breach proposed (officers confirm or decline it here), and the report as a PDF.
 */
export function ComplianceReport({ organizationId }: { organizationId: string }) {
  const user = useUser();
  // "What needs you" links here with the period of the credits waiting for a decision.
  const asked = new URLSearchParams(useSearch());
  const [from, setFrom] = useState(asked.get('from') ?? firstOfMonth());
  const [to, setTo] = useState(asked.get('to') ?? today());
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to);
  const report = useQuery(valid ? '/api/organizations/{id}/service-report' : null, {
    params: { path: { id: organizationId }, query: { from, to } },
  });
  const data = report.data;
  return (
    <Page title={t('report.title')}>
      <div className="field-row">
        <DateField label={t('report.from')} value={from} onChange={setFrom} />
        <DateField label={t('report.to')} value={to} onChange={setTo} />
      </div>
      {report.error ? <LoadError error={report.error} retry={report.reload} /> : null}
      {!data && !report.error ? <Loading /> : null}
      {data ? (
        <p>{t('report.summary', { met: data.met, breached: data.breached, open: data.open })}</p>
      ) : null}
      {valid ? (
        <p>
          <a
            href={`/api/organizations/${organizationId}/service-report.pdf?from=${from}&to=${to}`}
            download
          >
            {t('report.pdf')}
          </a>
        </p>
      ) : null}
      {data && data.clocks.length === 0 ? <p className="muted">{t('report.none')}</p> : null}
      {data && data.clocks.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('report.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('clocks.clock')}</th>
              <th scope="col">{t('clocks.severity')}</th>
              <th scope="col">{t('clocks.deadline')}</th>
              <th scope="col">{t('clocks.state')}</th>
              <th scope="col">{t('report.evidence')}</th>
              <th scope="col">{t('report.credit')}</th>
            </tr>
          </thead>
          <tbody>
            {data.clocks.map((c) => (
              <tr key={c.id}>
                <td data-label={t('clocks.clock')} className="cell-title">
                  <Link href={`/clocks/${c.id}`}>{kindLabel(c.kind)}</Link>
                </td>
                <td data-label={t('clocks.severity')}>{severityLabel(c.severity)}</td>
                <td data-label={t('clocks.deadline')}>{formatDateTime(c.deadlineAt)}</td>
                <td data-label={t('clocks.state')}>{stateLabel(c.state)}</td>
                <td data-label={t('report.evidence')}>
                  <ul className="plain-list">
                    {c.entries.map((e, i) => (
                      <li key={i}>
                        {formatDateTime(e.at)} — {t(`entry.${e.kind}`)}
                        {e.reason ? `: ${e.reason}` : ''}
                      </li>
                    ))}
                  </ul>
                </td>
                <td data-label={t('report.credit')}>
                  <ServiceCreditCell
                    credit={c.credit}
                    clockKind={c.kind}
                    canDecide={user.can.decideServiceCredits}
                    onDone={report.reload}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
