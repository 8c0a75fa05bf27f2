import { Building2, Plus } from 'lucide-react';
import { EmptyState } from '../app/EmptyState.tsx';
import { Link } from 'wouter';
import { classLabel } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';

import { kindLabel } from './labels.ts';
import { t } from './messages.ts';

export function Organizations() {
  const user = useUser();
  const list = useQuery('/api/organizations');
  const organizations = list.data?.organizations ?? [];
  return (
    <Page
      title={t('list.title')}
      actions={
        user.can.manageOrganizations ? (
          <Link href="/organizations/new" className="button primary">
            <Plus className="icon" aria-hidden="true" size={18} />
            {t('list.new')}
          </Link>
        ) : null
      }
    >
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && organizations.length === 0 ? (
        <EmptyState title={t('list.none')} next={t('list.noneNext')} icon={Building2} />
      ) : null}
      {organizations.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('list.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.name')}</th>
              <th scope="col">{t('list.legalName')}</th>
              <th scope="col">{t('list.kind')}</th>
              <th scope="col">{t('list.class')}</th>
              <th scope="col" className="num">
                {t('list.representatives')}
              </th>
              <th scope="col">{t('list.website')}</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((o) => (
              <tr key={o.id}>
                <td data-label={t('list.name')} className="cell-title">
                  <Link href={`/organizations/${o.id}`}>{o.displayName}</Link>
                </td>
                <td data-label={t('list.legalName')}>{o.legalName}</td>
                <td data-label={t('list.kind')}>{kindLabel(o.kind)}</td>
                <td data-label={t('list.class')}>{classLabel(o.memberClass)}</td>
                <td data-label={t('list.representatives')} className="num">
                  {o.representatives}
                </td>
                <td data-label={t('list.website')} className="cell-url">
                  {o.website ? (
                    <a href={o.website} rel="noopener noreferrer">
                      {o.website.replace(/^https?:\/\//, '')}
                    </a>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
