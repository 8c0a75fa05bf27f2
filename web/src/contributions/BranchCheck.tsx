import { useState } from 'react';
import { Link, useSearch } from 'wouter';
import { formatDateTime } from '../app/format.ts';
import { Status } from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';

/** A branch's failing commits and the text to paste (the DCO app's own words). */
export function BranchCheck({ id }: { id: string }) {
  const ref = new URLSearchParams(useSearch()).get('ref') ?? '';
  const check = useQuery('/api/contributions/repositories/{id}/dco', {
    params: { path: { id }, query: { ref } },
  });
  const [copied, setCopied] = useState('');
  const branch = ref.replace(/^refs\/heads\//, '');
  const title = `DCO check of ${branch}`;
  if (check.error)
    return (
      <Page title={title}>
        <LoadError error={check.error} retry={check.reload} />
      </Page>
    );
  if (!check.data)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  const c = check.data;
  return (
    <Page title={title}>
      <p>
        <Link href={`/contributions/repositories/${id}`}>Back to the repository</Link> ·{' '}
        {c.commitCount} commits checked at <code>{c.headSha.slice(0, 12)}</code>,{' '}
        {formatDateTime(c.checkedAt)}
      </p>
      {c.failing.length === 0 ? (
        <p className="notice notice-success">All commits are signed off!</p>
      ) : (
        <>
          <section aria-labelledby="failing-heading">
            <h2 id="failing-heading">Commits that fail</h2>
            <table className="responsive-table">
              <caption className="visually-hidden">Failing commits</caption>
              <thead>
                <tr>
                  <th scope="col">Commit</th>
                  <th scope="col">Author</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {c.failing.map((v) => (
                  <tr key={v.sha}>
                    <td data-label="Commit">
                      <code>{v.sha.slice(0, 12)}</code> {v.subject}
                    </td>
                    <td data-label="Author">
                      {v.author} &lt;{v.email}&gt;
                    </td>
                    <td data-label="Why">{v.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="remediation-heading">
            <h2 id="remediation-heading">How to fix it</h2>
            <button
              type="button"
              className="button small"
              onClick={() =>
                void navigator.clipboard?.writeText(c.remediation).then(() => setCopied('Copied.'))
              }
            >
              Copy the text
            </button>
            <Status message={copied} />
            <pre className="remediation" tabIndex={0} aria-label="Remediation text">
              {c.remediation}
            </pre>
          </section>
        </>
      )}
    </Page>
  );
}
