import { AlarmClock } from 'lucide-react';
import { EmptyState } from '../app/EmptyState.tsx';
import { useState } from 'react';
import { Link } from 'wouter';
import { formatDateTime } from '../app/format.ts';
import { CheckboxField } from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { kindLabel, severityLabel, stateLabel, timeLeft } from './labels.ts';
import { t } from './messages.ts';

/**
 * The clocks: officers see every sponsor's, soonest deadline first; a sponsor's representative
 * sees its own organization's (the server decides which).
 */
export function Clocks() {
  const user = useUser();
  const [all, setAll] = useState(false);
  const list = useQuery('/api/service-clocks', {
    params: { query: all ? {} : { open: 'true' } },
  });
  const clocks = list.data?.clocks ?? [];
  return (
    <Page title={t('clocks.title')}>
      <p>{user.can.readAllClocks ? t('clocks.intro') : t('clocks.introSponsor')}</p>
      <CheckboxField label={t('clocks.showAll')} checked={all} onChange={setAll} />
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && clocks.length === 0 ? (
        <EmptyState title={t('clocks.none')} next={t('clocks.noneNext')} icon={AlarmClock} />
      ) : null}
      {clocks.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('clocks.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('clocks.clock')}</th>
              <th scope="col">{t('clocks.organization')}</th>
              <th scope="col">{t('clocks.severity')}</th>
              <th scope="col">{t('clocks.target')}</th>
              <th scope="col">{t('clocks.state')}</th>
              <th scope="col">{t('clocks.deadline')}</th>
              <th scope="col" className="num">
                {t('clocks.left')}
              </th>
            </tr>
          </thead>
          <tbody>
            {clocks.map((c) => (
              <tr
                key={c.id}
                className={c.warned && c.state === 'running' ? 'row-warning' : undefined}
              >
                <td data-label={t('clocks.clock')} className="cell-title">
                  <Link href={`/clocks/${c.id}`}>{kindLabel(c.kind)}</Link>
                </td>
                <td data-label={t('clocks.organization')}>{c.organizationName}</td>
                <td data-label={t('clocks.severity')}>{severityLabel(c.severity)}</td>
                <td data-label={t('clocks.target')}>
                  {t('clocks.targetValue', {
                    hours: c.targetMinutes / 60,
                    mode: t(`mode.${c.mode}`),
                  })}
                </td>
                <td data-label={t('clocks.state')}>
                  {stateLabel(c.state)}
                  {c.warned && c.state === 'running' ? ` (${t('clocks.warned')})` : null}
                </td>
                <td data-label={t('clocks.deadline')}>{formatDateTime(c.deadlineAt)}</td>
                <td data-label={t('clocks.left')} className="num">
                  {timeLeft(c)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
