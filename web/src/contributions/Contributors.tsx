import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { formatDate } from '../app/format.ts';
import { Status } from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';

const linkLabels: Record<string, string> = {
  manual: 'linked by hand',
  email: 'by verified email',
  unlinked: 'kept unlinked',
};

function Stats() {
  const year = new Date().getUTCFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year + 1}-01-01`);
  const stats = useQuery('/api/contributions/stats', { params: { query: { from, to } } });
  return (
    <section aria-labelledby="stats-heading">
      <h2 id="stats-heading">Per member</h2>
      <div className="inline-fields">
        <label>
          From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To (not included) <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      {stats.error ? <LoadError error={stats.error} retry={stats.reload} /> : null}
      {stats.data ? (
        <>
          <table className="responsive-table">
            <caption className="visually-hidden">Contributions per member</caption>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col" className="num">
                  Commits
                </th>
                <th scope="col" className="num">
                  Sign-offs
                </th>
                <th scope="col" className="num">
                  Co-authored
                </th>
                <th scope="col" className="num">
                  Reviews
                </th>
                <th scope="col" className="num">
                  Lines +/−
                </th>
                <th scope="col" className="num">
                  Median latency
                </th>
              </tr>
            </thead>
            <tbody>
              {stats.data.members.map((m) => (
                <tr key={m.personId}>
                  <td data-label="Member">
                    <Link href={`/members/${m.personId}`}>{m.displayName}</Link>
                  </td>
                  <td data-label="Commits" className="num">
                    {m.commits}
                  </td>
                  <td data-label="Sign-offs" className="num">
                    {m.signoffs}
                  </td>
                  <td data-label="Co-authored" className="num">
                    {m.coAuthorships}
                  </td>
                  <td data-label="Reviews" className="num">
                    {m.reviews}
                  </td>
                  <td data-label="Lines +/−" className="num">
                    {m.linesAdded}/{m.linesDeleted}
                  </td>
                  <td data-label="Median latency" className="num">
                    {m.medianLatencyHours === null ? '—' : `${m.medianLatencyHours} h`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>First-time contributors</h3>
          {stats.data.firstTimeContributors.length === 0 ? (
            <p className="muted">None in this period.</p>
          ) : (
            <ul>
              {stats.data.firstTimeContributors.map((c) => (
                <li key={c.email}>
                  {c.name} &lt;{c.email}&gt;, first commit {formatDate(c.firstCommitAt)}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}

/** Officers: every identity seen in commits, and the member it counts for. */
export function Contributors() {
  const list = useQuery('/api/contributions/contributors');
  const members = useQuery('/api/members');
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState('');
  const change = (
    id: string,
    body: { link: 'manual'; personId: string } | { link: 'unlinked' } | { link: 'auto' },
    done: string,
  ) => {
    setProblem('');
    api.post('/api/contributions/contributors/{id}/link', { params: { path: { id } }, body }).then(
      () => {
        setMessage(done);
        list.reload();
      },
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  };
  return (
    <Page title="Contributors">
      <p>
        <Link href="/contributions">Repositories</Link>. A contributor counts for the member whose
        verified address it is, unless an officer links it to another member or keeps it unlinked.
      </p>
      <Status message={message} />
      {problem ? (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      ) : null}
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data ? (
        <table className="responsive-table">
          <caption className="visually-hidden">Contributors</caption>
          <thead>
            <tr>
              <th scope="col">Contributor</th>
              <th scope="col" className="num">
                Commits
              </th>
              <th scope="col">Member</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {list.data.contributors.map((c) => (
              <tr key={c.id}>
                <td data-label="Contributor">
                  {c.name}
                  <br />
                  <span className="muted">{c.email}</span>
                </td>
                <td data-label="Commits" className="num">
                  {c.commits}
                </td>
                <td data-label="Member">
                  {c.personName ?? '—'}
                  {c.link ? <span className="muted"> ({linkLabels[c.link]})</span> : null}
                </td>
                <td data-label="Change">
                  <label className="visually-hidden" htmlFor={`link-${c.id}`}>
                    Member to link {c.email} to
                  </label>
                  <select
                    id={`link-${c.id}`}
                    value={choice[c.id] ?? ''}
                    onChange={(e) => setChoice((old) => ({ ...old, [c.id]: e.target.value }))}
                  >
                    <option value="">Choose a member…</option>
                    {(members.data?.members ?? []).map((m) => (
                      <option key={m.personId} value={m.personId}>
                        {m.displayName}
                      </option>
                    ))}
                  </select>{' '}
                  <button
                    type="button"
                    className="button small"
                    disabled={!choice[c.id]}
                    onClick={() =>
                      change(
                        c.id,
                        { link: 'manual', personId: choice[c.id]! },
                        `${c.email} is linked by hand.`,
                      )
                    }
                  >
                    Link
                  </button>{' '}
                  <button
                    type="button"
                    className="button small"
                    onClick={() =>
                      change(c.id, { link: 'unlinked' }, `${c.email} is kept unlinked.`)
                    }
                  >
                    Unlink
                  </button>{' '}
                  {c.link === 'manual' || c.link === 'unlinked' ? (
                    <button
                      type="button"
                      className="button small"
                      onClick={() =>
                        change(c.id, { link: 'auto' }, `${c.email} links by verified email again.`)
                      }
                    >
                      By email
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Stats />
    </Page>
  );
}
