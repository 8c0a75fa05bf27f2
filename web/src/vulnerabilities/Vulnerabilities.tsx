import { ShieldCheck } from 'lucide-react';
import { EmptyState } from '../app/EmptyState.tsx';
import { Link } from 'wouter';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { severityLabel, statusText } from './labels.ts';
import { t } from './messages.ts';

/** Vulnerabilities: embargoed ones for the co-op's people, the disclosed ones for every member. */
export function Vulnerabilities() {
  const user = useUser();
  const list = useQuery('/api/vulnerabilities');
  const items = list.data?.vulnerabilities ?? [];
  return (
    <Page
      title={t('list.title')}
      actions={
        user.can.manageVulnerabilities ? (
          <Link href="/vulnerabilities/new" className="button">
            {t('list.new')}
          </Link>
        ) : null
      }
    >
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && items.length === 0 ? (
        <EmptyState title={t('list.none')} next={t('list.noneNext')} icon={ShieldCheck} />
      ) : null}
      {items.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.name')}</th>
              <th scope="col">{t('list.identifiers')}</th>
              <th scope="col">{t('list.severity')}</th>
              <th scope="col">{t('list.status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((v) => (
              <tr key={v.id}>
                <td data-label={t('list.name')} className="cell-title">
                  <Link href={`/vulnerabilities/${v.id}`}>{v.title}</Link>
                </td>
                <td data-label={t('list.identifiers')}>{v.identifiers.join(', ')}</td>
                <td data-label={t('list.severity')}>{severityLabel(v.severity)}</td>
                <td data-label={t('list.status')}>{statusText(v)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
