import { Link } from 'wouter';
import { formatDateTime } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';

/** `+05:30` from minutes east of UTC: the offset git recorded, which the reader's clock hides. */
function offset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const lines = (n: number | null) => (n === null ? 'binary' : String(n));

/** One commit: who wrote and committed it, its message, the files and lines it changed, its DCO verdict. */
export function CommitPage({ id, sha }: { id: string; sha: string }) {
  const commit = useQuery('/api/contributions/repositories/{id}/commits/{sha}', {
    params: { path: { id, sha } },
  });
  const title = `Commit ${sha.slice(0, 12)}`;
  if (commit.error)
    return (
      <Page title={title}>
        <LoadError error={commit.error} retry={commit.reload} />
      </Page>
    );
  if (!commit.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  const c = commit.data;
  return (
    <Page title={title}>
      <p>
        <Link href={`/contributions/repositories/${id}`}>Back to the repository</Link>
      </p>
      <dl className="details">
        <dt>Commit</dt>
        <dd>
          <code className="break">{c.sha}</code>
        </dd>
        <dt>Parents</dt>
        <dd>
          {c.parents.length === 0
            ? 'none (a root commit)'
            : c.parents.map((p) => (
                <code key={p} className="break">
                  {p.slice(0, 12)}{' '}
                </code>
              ))}
        </dd>
        <dt>Author</dt>
        <dd>
          {c.authorName} &lt;{c.authorEmail}&gt;, {formatDateTime(c.authoredAt)} (their clock: UTC
          {offset(c.authorTz)})
        </dd>
        <dt>Committer</dt>
        <dd>
          {c.committerName} &lt;{c.committerEmail}&gt;, {formatDateTime(c.committedAt)} (their
          clock: UTC{offset(c.committerTz)})
        </dd>
        <dt>DCO</dt>
        <dd>
          {c.dcoSkipped ? (
            <span className="muted">skipped ({c.dcoSkipped})</span>
          ) : c.dcoOk ? (
            <span className="status status-active">signed off</span>
          ) : (
            <span className="status status-failed">{c.dcoReason}</span>
          )}
        </dd>
        <dt>On the default branch</dt>
        <dd>
          {c.integratedAt ? (
            <>
              since {formatDateTime(c.integratedAt)}
              {c.integratedBy && c.integratedBy !== c.sha ? (
                <>
                  {' '}
                  (brought by <code>{c.integratedBy.slice(0, 12)}</code>)
                </>
              ) : null}
            </>
          ) : (
            'not yet'
          )}
        </dd>
      </dl>
      <section aria-labelledby="message-heading">
        <h2 id="message-heading">Message</h2>
        <pre>{c.message}</pre>
      </section>
      <section aria-labelledby="files-heading">
        <h2 id="files-heading">
          Files changed: {c.files}, +{c.insertions} −{c.deletions}
        </h2>
        {c.changes === null ? (
          <p className="muted">
            This commit was ingested before the paths of changed files were recorded; only the
            totals are known.
          </p>
        ) : c.changes.length === 0 ? (
          <p className="muted">No file changes (a merge, or an empty commit).</p>
        ) : (
          <table className="responsive-table">
            <caption className="visually-hidden">Files changed</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col" className="num">
                  Added
                </th>
                <th scope="col" className="num">
                  Removed
                </th>
              </tr>
            </thead>
            <tbody>
              {c.changes.map((f) => (
                <tr key={f.path}>
                  <td data-label="File">
                    <code className="break">{f.path}</code>
                  </td>
                  <td data-label="Added" className="num">
                    {lines(f.added)}
                  </td>
                  <td data-label="Removed" className="num">
                    {lines(f.deleted)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Page>
  );
}
