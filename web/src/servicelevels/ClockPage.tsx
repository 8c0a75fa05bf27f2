import { Link } from 'wouter';
import { formatDateTime } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { kindLabel, startedByReopening, stateLabel, timeLeft } from './labels.ts';
import { t } from './messages.ts';

/** One clock and its evidence: every entry, when, by whom and why. */
export function ClockPage({ id }: { id: string }) {
  const result = useQuery('/api/service-clocks/{id}', { params: { path: { id } } });
  const clock = result.data;
  return (
    <Page
      title={
        clock
          ? t('clock.title', { kind: kindLabel(clock.kind), organization: clock.organizationName })
          : t('clock.fallbackTitle')
      }
    >
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!clock && !result.error ? <Loading /> : null}
      {clock ? (
        <>
          <section aria-labelledby="clock-about" className="card">
            <h2 id="clock-about">{t('clock.about')}</h2>
            <dl className="details">
              <dt>{t('clock.subject')}</dt>
              <dd>
                {clock.subjectType === 'vulnerability'
                  ? t('clock.subjectVulnerability', { id: clock.subjectId })
                  : t('clock.subjectRequest', { id: clock.subjectId })}
              </dd>
              <dt>{t('clocks.target')}</dt>
              <dd>
                {t('clocks.targetValue', {
                  hours: clock.targetMinutes / 60,
                  mode: t(`mode.${clock.mode}`),
                })}
              </dd>
              {clock.timeZone ? (
                <>
                  <dt>{t('clock.timeZone')}</dt>
                  <dd>{clock.timeZone}</dd>
                </>
              ) : null}
              <dt>{t('clock.pausable')}</dt>
              <dd>{clock.pausable ? t('clock.yes') : t('clock.no')}</dd>
              <dt>{t('clock.started')}</dt>
              <dd>
                {startedByReopening(clock)
                  ? t('clock.startedAtReopening', { when: formatDateTime(clock.startedAt) })
                  : formatDateTime(clock.startedAt)}
              </dd>
              <dt>{t('clocks.deadline')}</dt>
              <dd>{formatDateTime(clock.deadlineAt)}</dd>
              <dt>{t('clocks.state')}</dt>
              <dd>{stateLabel(clock.state)}</dd>
              <dt>{t('clocks.left')}</dt>
              <dd>{timeLeft(clock)}</dd>
            </dl>
          </section>
          <section aria-labelledby="clock-evidence" className="card">
            <h2 id="clock-evidence">{t('clock.evidence')}</h2>
            <table className="responsive-table">
              <caption className="visually-hidden">{t('clock.evidenceCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('clock.when')}</th>
                  <th scope="col">{t('clock.what')}</th>
                  <th scope="col">{t('clock.why')}</th>
                </tr>
              </thead>
              <tbody>
                {clock.entries.map((e, i) => (
                  <tr key={i}>
                    <td data-label={t('clock.when')}>{formatDateTime(e.at)}</td>
                    <td data-label={t('clock.what')}>{t(`entry.${e.kind}`)}</td>
                    <td data-label={t('clock.why')}>{e.reason ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <p>
            <Link href="/clocks">{t('clock.back')}</Link>
          </p>
        </>
      ) : null}
    </Page>
  );
}
