import { Link } from 'wouter';
import { classLabel, formatDate, humanize } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';

import { kindLabels } from '../organizations/labels.ts';

export function OrganizationDetail({ id }: { id: string }) {
  const user = useUser();
  const result = useQuery('/api/organizations/{id}', { params: { path: { id } } });
  const org = result.data;
  return (
    <Page
      title={org?.displayName ?? 'Organization'}
      actions={
        org && user.can.manageOrganizations ? (
          <Link href={`/organizations/${org.id}/edit`} className="button">
            Edit<span className="visually-hidden"> {org.displayName}</span>
          </Link>
        ) : null
      }
    >
      {result.error?.status === 403 ? (
        <div className="notice notice-info" role="alert">
          <p>
            <strong>This organization’s details are private.</strong>
          </p>
          <p>{result.error.problem.detail}</p>
          <p>
            Billing details and contacts are shown to administrators, officers, the co-op’s hackers
            and the organization’s own representatives.{' '}
            <Link href="/organizations">Back to the organizations</Link>
          </p>
        </div>
      ) : result.error ? (
        <LoadError error={result.error} retry={result.reload} />
      ) : null}
      {!org && !result.error ? <Loading /> : null}
      {org ? (
        <>
          <section aria-labelledby="org-about" className="card">
            <h2 id="org-about">About</h2>
            <dl className="details">
              <dt>Legal name</dt>
              <dd>{org.legalName}</dd>
              <dt>Kind</dt>
              <dd>{kindLabels[org.kind] ?? org.kind}</dd>
              <dt>Member class</dt>
              <dd>{classLabel(org.memberClass)}</dd>
              <dt>Website</dt>
              <dd className="cell-url">
                {org.website ? (
                  <a href={org.website} rel="noopener noreferrer">
                    {org.website}
                  </a>
                ) : (
                  '—'
                )}
              </dd>
              <dt>Since</dt>
              <dd>{formatDate(org.createdAt)}</dd>
            </dl>
          </section>
          <section aria-labelledby="org-billing" className="card">
            <h2 id="org-billing">Billing details</h2>
            <dl className="details">
              <dt>Billing email</dt>
              <dd className="cell-email">{org.billingEmail ?? '—'}</dd>
              <dt>Billing address</dt>
              <dd className="pre-line">{org.billingAddress ?? '—'}</dd>
              <dt>Country</dt>
              <dd>{org.country ?? '—'}</dd>
              <dt>Tax id</dt>
              <dd>{org.taxId ?? '—'}</dd>
            </dl>
          </section>
          <section aria-labelledby="org-contacts" className="card">
            <h2 id="org-contacts">Contacts</h2>
            {org.contacts.length === 0 ? (
              <p className="muted">No contacts yet.</p>
            ) : (
              <ul className="plain-list contact-list">
                {org.contacts.map((c) => (
                  <li key={`${c.personId}-${c.role}`}>
                    <Link href={`/members/${c.personId}`}>{c.displayName}</Link>{' '}
                    <span className="muted">— {humanize(c.role)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </Page>
  );
}
