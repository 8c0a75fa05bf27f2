import { formatDateTime } from '../app/format.ts';
import { LoadError } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';

/** Where mail (and the other followers of the log) stand: a stuck one shows its error. */
export function EventConsumers() {
  const query = useQuery('/api/admin/event-consumers');
  const consumers = query.data?.consumers ?? null;
  const error = query.error ?? null;
  return (
    <section aria-labelledby="event-consumers-heading" className="card">
      <h2 id="event-consumers-heading">Event consumers</h2>
      {error ? <LoadError error={error} retry={query.reload} /> : null}
      {consumers === null && !error ? <p className="muted">Loading…</p> : null}
      {consumers?.length === 0 ? (
        <p className="muted">No consumer has started following the log yet.</p>
      ) : null}
      {consumers && consumers.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">Each consumer’s position in the event log</caption>
          <thead>
            <tr>
              <th scope="col">Consumer</th>
              <th scope="col" className="num">
                Position
              </th>
              <th scope="col" className="num">
                Behind
              </th>
              <th scope="col" className="num">
                Failures
              </th>
              <th scope="col">Last error</th>
              <th scope="col">Next retry</th>
            </tr>
          </thead>
          <tbody>
            {consumers.map((c) => (
              <tr key={c.consumer}>
                <th scope="row">{c.consumer}</th>
                <td className="num">
                  #{c.position} of #{c.latest}
                </td>
                <td className="num">{c.behind}</td>
                <td className="num">{c.failures}</td>
                <td>{c.lastError ?? <span className="muted">—</span>}</td>
                <td>{c.retryAt ? formatDateTime(c.retryAt) : <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
