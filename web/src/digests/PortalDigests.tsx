import { Newspaper } from 'lucide-react';
import { formatDate } from '../app/format.ts';
import { EmptyState } from '../app/EmptyState.tsx';
import { currentLocale } from '../app/i18n.ts';
import { LoadError, Loading } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { t } from './messages.ts';

const period = (d: { from: string; to: string }) =>
  t('period', { from: formatDate(d.from), to: formatDate(d.to) });

/** The sponsor's portal: the digests sent to its organization, each with its PDF. */
export function PortalDigests() {
  const result = useQuery('/api/sponsor-digests');
  const digests = result.data?.digests;
  return (
    <section aria-labelledby="portal-digests" className="card">
      <h2 id="portal-digests">{t('portal.heading')}</h2>
      <p className="muted">{t('portal.intro')}</p>
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!digests && !result.error ? <Loading /> : null}
      {digests?.length === 0 ? (
        <EmptyState title={t('portal.none')} next={t('portal.noneNext')} icon={Newspaper} />
      ) : null}
      {digests && digests.length > 0 ? (
        <ul>
          {digests.map((d) => (
            <li key={d.id}>
              <a href={`/api/sponsor-digests/${d.id}/pdf?locale=${currentLocale()}`}>
                {t('portal.pdf', { period: period(d) })}
              </a>{' '}
              <span className="muted">({t(`frequency.${d.frequency}`)})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
