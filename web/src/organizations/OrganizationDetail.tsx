import { Link } from 'wouter';
import { classLabel, formatDate } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';

import { contactRoleLabel, kindLabel } from './labels.ts';
import { t } from './messages.ts';
import { t as common } from '../app/messages.ts';
import { ServiceCalendarForm } from '../servicelevels/ServiceCalendarForm.tsx';

export function OrganizationDetail({ id }: { id: string }) {
  const user = useUser();
  const result = useQuery('/api/organizations/{id}', { params: { path: { id } } });
  const org = result.data;
  return (
    <Page
      title={org?.displayName ?? t('detail.title')}
      actions={
        org && user.can.manageOrganizations ? (
          <Link href={`/organizations/${org.id}/edit`} className="button">
            {t('detail.edit')}
            <span className="visually-hidden"> {org.displayName}</span>
          </Link>
        ) : null
      }
    >
      {result.error?.status === 403 ? (
        <div className="notice notice-info" role="alert">
          <p>
            <strong>{t('detail.private')}</strong>
          </p>
          <p>{result.error.problem.detail}</p>
          <p>
            {t('detail.privateWho')} <Link href="/organizations">{t('detail.back')}</Link>
          </p>
        </div>
      ) : result.error ? (
        <LoadError error={result.error} retry={result.reload} />
      ) : null}
      {!org && !result.error ? <Loading /> : null}
      {org ? (
        <>
          <section aria-labelledby="org-about" className="card">
            <h2 id="org-about">{t('detail.about')}</h2>
            <dl className="details">
              <dt>{t('detail.legalName')}</dt>
              <dd>{org.legalName}</dd>
              <dt>{t('detail.kind')}</dt>
              <dd>{kindLabel(org.kind)}</dd>
              <dt>{t('detail.memberClass')}</dt>
              <dd>{classLabel(org.memberClass)}</dd>
              <dt>{t('detail.website')}</dt>
              <dd className="cell-url">
                {org.website ? (
                  <a href={org.website} rel="noopener noreferrer">
                    {org.website}
                  </a>
                ) : (
                  '—'
                )}
              </dd>
              <dt>{t('detail.since')}</dt>
              <dd>{formatDate(org.createdAt)}</dd>
            </dl>
          </section>
          <section aria-labelledby="org-billing" className="card">
            <h2 id="org-billing">{t('detail.billing')}</h2>
            <dl className="details">
              <dt>{t('detail.billingEmail')}</dt>
              <dd className="cell-email">{org.billingEmail ?? '—'}</dd>
              <dt>{t('detail.billingAddress')}</dt>
              <dd className="pre-line">{org.billingAddress ?? '—'}</dd>
              <dt>{t('detail.country')}</dt>
              <dd>{org.country ?? '—'}</dd>
              <dt>{t('detail.locale')}</dt>
              <dd>{common(`languages.${org.locale}`)}</dd>
              <dt>{t('detail.taxId')}</dt>
              <dd>{org.taxId ?? '—'}</dd>
            </dl>
          </section>
          <section aria-labelledby="org-contacts" className="card">
            <h2 id="org-contacts">{t('detail.contacts')}</h2>
            {org.contacts.length === 0 ? (
              <p className="muted">{t('detail.noContacts')}</p>
            ) : (
              <ul className="plain-list contact-list">
                {org.contacts.map((c) => (
                  <li key={`${c.personId}-${c.role}`}>
                    <Link href={`/members/${c.personId}`}>{c.displayName}</Link>{' '}
                    <span className="muted">— {contactRoleLabel(c.role)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {user.can.manageServiceLevels || user.can.readOwnClocks ? (
            <ServiceCalendarForm organizationId={org.id} canEdit={user.can.manageServiceLevels} />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
