import { formatDateTime } from '../app/format.ts';
import { LoadError } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { t } from './messages.ts';
import { t as common } from '../app/messages.ts';

/** Where mail (and the other followers of the log) stand: a stuck one shows its error. */
export function EventConsumers() {
  const query = useQuery('/api/admin/event-consumers');
  const consumers = query.data?.consumers ?? null;
  const error = query.error ?? null;
  return (
    <section aria-labelledby="event-consumers-heading" className="card">
      <h2 id="event-consumers-heading">{t('consumers.title')}</h2>
      {error ? <LoadError error={error} retry={query.reload} /> : null}
      {consumers === null && !error ? <p className="muted">{common('page.loading')}</p> : null}
      {consumers?.length === 0 ? <p className="muted">{t('consumers.none')}</p> : null}
      {consumers && consumers.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('consumers.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consumers.consumer')}</th>
              <th scope="col" className="num">
                {t('consumers.position')}
              </th>
              <th scope="col" className="num">
                {t('consumers.behind')}
              </th>
              <th scope="col" className="num">
                {t('consumers.failures')}
              </th>
              <th scope="col">{t('consumers.lastError')}</th>
              <th scope="col">{t('consumers.nextRetry')}</th>
            </tr>
          </thead>
          <tbody>
            {consumers.map((c) => (
              <tr key={c.consumer}>
                <th scope="row">{c.consumer}</th>
                <td className="num">
                  {t('consumers.of', { position: c.position, latest: c.latest })}
                </td>
                <td className="num">{c.behind}</td>
                <td className="num">{c.failures}</td>
                <td>{c.lastError ?? <span className="muted">—</span>}</td>
                <td>{c.retryAt ? formatDateTime(c.retryAt) : <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
