import { Link } from 'wouter';
import { classLabel } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';

import { kindLabels } from '../organizations/labels.ts';

export function Organizations() {
  const user = useUser();
  const list = useQuery('/api/organizations');
  const organizations = list.data?.organizations ?? [];
  return (
    <Page
      title="Organizations"
      actions={
        user.can.manageOrganizations ? (
          <Link href="/organizations/new" className="button primary">
            New organization
          </Link>
        ) : null
      }
    >
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && organizations.length === 0 ? (
        <p className="muted">No organizations yet.</p>
      ) : null}
      {organizations.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">Organizations</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Legal name</th>
              <th scope="col">Kind</th>
              <th scope="col">Class</th>
              <th scope="col" className="num">
                Representatives
              </th>
              <th scope="col">Website</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((o) => (
              <tr key={o.id}>
                <td data-label="Name" className="cell-title">
                  <Link href={`/organizations/${o.id}`}>{o.displayName}</Link>
                </td>
                <td data-label="Legal name">{o.legalName}</td>
                <td data-label="Kind">{kindLabels[o.kind] ?? o.kind}</td>
                <td data-label="Class">{classLabel(o.memberClass)}</td>
                <td data-label="Representatives" className="num">
                  {o.representatives}
                </td>
                <td data-label="Website" className="cell-url">
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
