import { Link } from 'wouter';
import { formatDate } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { quoteStatusLabels } from './types.ts';

/** Quotes: every one for officers and hackers, a sponsor's own for its representatives. */
export function Quotes() {
  const user = useUser();
  const list = useQuery('/api/quotes');
  const quotes = list.data?.quotes ?? [];
  return (
    <Page
      title="Quotes"
      actions={
        user.can.manageAgreements ? (
          <Link href="/quotes/new" className="button">
            New quote
          </Link>
        ) : null
      }
    >
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && quotes.length === 0 ? <p className="muted">No quotes yet.</p> : null}
      {quotes.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">Quotes</caption>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">For</th>
              <th scope="col">Title</th>
              <th scope="col" className="num">
                First term
              </th>
              <th scope="col">Valid until</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {quotes.map((q) => (
              <tr key={q.id}>
                <td data-label="Number" className="cell-title">
                  <Link href={`/quotes/${q.id}`}>{q.number}</Link>
                </td>
                <td data-label="For">{q.organizationName}</td>
                <td data-label="Title">{q.title}</td>
                <td data-label="First term" className="num">
                  {q.currency} {q.termTotal}
                </td>
                <td data-label="Valid until">{formatDate(q.validUntil)}</td>
                <td data-label="State">{quoteStatusLabels[q.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
