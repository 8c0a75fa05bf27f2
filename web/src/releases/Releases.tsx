import { PackageCheck } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'wouter';
import { EmptyState } from '../app/EmptyState.tsx';
import { SelectField } from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { kindLabel, releaseKinds, stateLabel, whenText, type ReleaseKind } from './labels.ts';
import { t } from './messages.ts';

/** Releases and planned changes: every member reads them; hackers and officers announce them. */
export function Releases() {
  const user = useUser();
  const [kind, setKind] = useState<ReleaseKind | ''>('');
  const list = useQuery('/api/releases', { params: { query: kind ? { kind } : {} } });
  const items = list.data?.releases ?? [];
  return (
    <Page
      title={t('list.title')}
      actions={
        user.can.manageReleases ? (
          <Link href="/releases/new" className="button">
            {t('list.new')}
          </Link>
        ) : null
      }
    >
      <div className="filters">
        <SelectField
          label={t('list.filterKind')}
          value={kind}
          onChange={(v) => setKind(v as ReleaseKind | '')}
          options={[
            { value: '', label: t('list.allKinds') },
            ...releaseKinds.map((k) => ({ value: k, label: kindLabel(k) })),
          ]}
        />
      </div>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && items.length === 0 ? (
        kind ? (
          <EmptyState title={t('list.noneOfKind')} next={t('list.noneOfKindNext')} />
        ) : (
          <EmptyState title={t('list.none')} next={t('list.noneNext')} icon={PackageCheck} />
        )
      ) : null}
      {items.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.change')}</th>
              <th scope="col">{t('list.project')}</th>
              <th scope="col">{t('list.kindColumn')}</th>
              <th scope="col">{t('list.when')}</th>
              <th scope="col">{t('list.state')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td data-label={t('list.change')} className="cell-title">
                  <Link href={`/releases/${r.id}`}>{r.title}</Link>
                </td>
                <td data-label={t('list.project')}>
                  {r.version ? `${r.project} ${r.version}` : r.project}
                </td>
                <td data-label={t('list.kindColumn')}>{kindLabel(r.kind)}</td>
                <td data-label={t('list.when')}>{whenText(r)}</td>
                <td data-label={t('list.state')}>
                  <span className={`status status-release-${r.state}`}>{stateLabel(r.state)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
