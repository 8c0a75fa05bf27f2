import { Link } from 'wouter';
import { formatDate } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { agreementStatusLabels } from './types.ts';

/** Agreements and their renewal calendar: every one for officers and hackers, a sponsor's own. */
export function Agreements() {
  const user = useUser();
  const list = useQuery('/api/agreements');
  const agreements = list.data?.agreements ?? [];
  return (
    <Page
      title="Agreements"
      actions={
        user.can.manageAgreements ? (
          <Link href="/agreements/new" className="button">
            New agreement
          </Link>
        ) : null
      }
    >
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && agreements.length === 0 ? <p className="muted">No agreements yet.</p> : null}
      {agreements.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">Agreements, by when their term ends</caption>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Sponsor</th>
              <th scope="col" className="num">
                Per period
              </th>
              <th scope="col">Term ends</th>
              <th scope="col">Renewal</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {[...agreements]
              .sort((a, b) => a.currentTermEndsOn.localeCompare(b.currentTermEndsOn))
              .map((a) => (
                <tr key={a.id}>
                  <td data-label="Number" className="cell-title">
                    <Link href={`/agreements/${a.id}`}>{a.number}</Link>
                  </td>
                  <td data-label="Sponsor">{a.organizationName}</td>
                  <td data-label="Per period" className="num">
                    {a.currency} {a.perPeriod}
                  </td>
                  <td data-label="Term ends">{formatDate(a.endsOn ?? a.currentTermEndsOn)}</td>
                  <td data-label="Renewal">
                    {a.status !== 'active'
                      ? '—'
                      : a.autoRenew
                        ? `automatic, notice ${a.noticeDays} days`
                        : 'ends'}
                  </td>
                  <td data-label="State">{agreementStatusLabels[a.status]}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
