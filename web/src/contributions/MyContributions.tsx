import { formatDate, formatNumber } from '../app/format.ts';
import { useQuery } from '../app/useQuery.ts';
import { t } from './messages.ts';

/** "12.5 h", "12,5 Std.": hours in the member's number format. */
export function hours(value: number): string {
  return t('hours', { hours: formatNumber(value) });
}

/** The signed-in member's own record this year: what community patronage counts. */
export function MyContributions({ personId }: { personId: string | null }) {
  const record = useQuery(personId ? '/api/contributions/members/{id}' : null, {
    params: { path: { id: personId ?? '' } },
  });
  if (!personId || !record.data) return null;
  const r = record.data.record;
  return (
    <section aria-labelledby="mine-heading" className="card">
      <h2 id="mine-heading">{t('mine.title', { day: formatDate(record.data.from) })}</h2>
      {!r || r.commits + r.signoffs + r.reviews + r.coAuthorships === 0 ? (
        <p className="muted">{t('mine.none')}</p>
      ) : (
        <dl className="figures">
          <dt>{t('columns.commits')}</dt>
          <dd>{r.commits}</dd>
          <dt>{t('columns.signoffs')}</dt>
          <dd>{r.signoffs}</dd>
          <dt>{t('columns.coAuthored')}</dt>
          <dd>{r.coAuthorships}</dd>
          <dt>{t('columns.reviews')}</dt>
          <dd>{r.reviews}</dd>
          <dt>{t('mine.lines')}</dt>
          <dd>
            {r.linesAdded} / {r.linesDeleted}
          </dd>
          <dt>{t('mine.median')}</dt>
          <dd>{r.medianLatencyHours === null ? '—' : hours(r.medianLatencyHours)}</dd>
        </dl>
      )}
    </section>
  );
}
