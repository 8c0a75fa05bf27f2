import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../api/client.ts';
import type { components } from '../api/schema.d.ts';
import { formatDateTime } from '../app/format.ts';
import { FormProblem, Status, SubmitButton, TextField, useForm } from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';

const short = (sha: string) => sha.slice(0, 12);
const branchName = (ref: string) => ref.replace(/^refs\/(heads|tags)\//, '');

type Repository = components['schemas']['Repository'];

/** An officer's settings of a repository, and its removal. */
function Settings({ repo, onSaved }: { repo: Repository; onSaved: (message: string) => void }) {
  const form = useForm();
  const [, navigate] = useLocation();
  const [name, setName] = useState(repo.name);
  const [location, setLocation] = useState(repo.location);
  const [defaultBranch, setDefaultBranch] = useState(repo.defaultBranch ?? '');
  const [bots, setBots] = useState(repo.botPatterns.join(', '));
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <form
        ref={form.formRef}
        noValidate
        onSubmit={form.submit(async () => {
          const { changed } = await api.patch('/api/contributions/repositories/{id}', {
            params: { path: { id: repo.id } },
            body: {
              name,
              location,
              defaultBranch: defaultBranch.trim() || null,
              botPatterns: bots
                .split(',')
                .map((b) => b.trim())
                .filter(Boolean),
            },
          });
          onSaved(changed ? 'Saved; the next sync uses these settings.' : 'Nothing changed.');
        })}
      >
        <FormProblem
          problem={form.problem}
          fields={['name', 'location', 'defaultBranch', 'botPatterns']}
        />
        <TextField
          label="Name"
          value={name}
          onChange={setName}
          error={form.error('name')}
          required
        />
        <TextField
          label="Location"
          hint="A path on the server, or a URL the server mirrors"
          value={location}
          onChange={setLocation}
          error={form.error('location')}
          required
        />
        <TextField
          label="Default branch"
          hint="Leave empty to use what the repository says"
          value={defaultBranch}
          onChange={setDefaultBranch}
          error={form.error('defaultBranch')}
        />
        <TextField
          label="Bots"
          hint="Authors whose commits the DCO check skips, by email or name, comma-separated"
          value={bots}
          onChange={setBots}
          error={form.error('botPatterns')}
        />
        <SubmitButton busy={form.busy}>Save settings</SubmitButton>
      </form>
      <p>
        Removing the repository stops its syncs and takes it off the list; the commits already
        ingested stay on record and keep counting in members’ contributions.
      </p>
      <button
        type="button"
        className="button danger"
        onClick={() => {
          if (!window.confirm(`Remove ${repo.name}? Its commits stay on record.`)) return;
          void api
            .delete('/api/contributions/repositories/{id}', { params: { path: { id: repo.id } } })
            .then(() => navigate('/contributions'));
        }}
      >
        Remove this repository
      </button>
    </section>
  );
}

export function RepositoryPage({ id }: { id: string }) {
  const { session } = useSession();
  const repo = useQuery('/api/contributions/repositories/{id}', { params: { path: { id } } });
  const [message, setMessage] = useState('');
  if (repo.error)
    return (
      <Page title="Repository">
        <LoadError error={repo.error} retry={repo.reload} />
      </Page>
    );
  if (!repo.data)
    return (
      <Page title="Repository">
        <Loading />
      </Page>
    );
  const r = repo.data;
  return (
    <Page
      title={r.name}
      actions={
        session.user?.can.manageRepositories ? (
          <button
            type="button"
            className="button small"
            onClick={() => {
              void api
                .post('/api/contributions/repositories/{id}/sync', { params: { path: { id } } })
                .then(() => setMessage('A sync is queued; reload in a moment.'));
            }}
          >
            Sync now
          </button>
        ) : null
      }
    >
      <p>
        <Link href="/contributions">All repositories</Link> · {r.location} · last synced{' '}
        {formatDateTime(r.lastSyncedAt) || 'never'}
      </p>
      <Status message={message} />
      {r.lastSyncError ? (
        <p className="notice notice-warning">The last sync failed: {r.lastSyncError}</p>
      ) : null}
      <section aria-labelledby="branches-heading">
        <h2 id="branches-heading">Branches and the DCO</h2>
        <p className="muted">
          Each branch’s own commits (those not yet on the default branch), checked as the DCO app
          checks a pull request.
        </p>
        {r.branches.length === 0 ? (
          <p className="muted">No branch besides the default one.</p>
        ) : (
          <table className="responsive-table">
            <caption className="visually-hidden">Branches</caption>
            <thead>
              <tr>
                <th scope="col">Branch</th>
                <th scope="col" className="num">
                  Commits
                </th>
                <th scope="col">DCO</th>
              </tr>
            </thead>
            <tbody>
              {r.branches.map((b) => (
                <tr key={b.ref}>
                  <td data-label="Branch">
                    <Link
                      href={`/contributions/repositories/${id}/dco?ref=${encodeURIComponent(b.ref)}`}
                    >
                      {branchName(b.ref)}
                    </Link>{' '}
                    <code className="muted">{short(b.headSha)}</code>
                  </td>
                  <td data-label="Commits" className="num">
                    {b.commitCount}
                  </td>
                  <td data-label="DCO">
                    {b.failureCount === 0 ? (
                      <span className="status status-active">passes</span>
                    ) : (
                      <span className="status status-failed">{b.failureCount} failing</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {r.rewrites.length > 0 ? (
        <section aria-labelledby="rewrites-heading">
          <h2 id="rewrites-heading">Rewritten histories</h2>
          <ul>
            {r.rewrites.map((w) => (
              <li key={`${w.ref}-${w.newSha}`}>
                {formatDateTime(w.detectedAt)}: <strong>{branchName(w.ref)}</strong> moved from{' '}
                <code>{short(w.oldSha)}</code> to <code>{short(w.newSha)}</code>, which does not
                descend from it
                {w.droppedCommits === null ? '' : ` (${w.droppedCommits} commits no longer on it)`}.
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="commits-heading">
        <h2 id="commits-heading">Latest commits</h2>
        <table className="responsive-table">
          <caption className="visually-hidden">Latest commits</caption>
          <thead>
            <tr>
              <th scope="col">Commit</th>
              <th scope="col">Author</th>
              <th scope="col">DCO</th>
            </tr>
          </thead>
          <tbody>
            {r.recentCommits.map((c) => (
              <tr key={c.sha}>
                <td data-label="Commit">
                  <Link href={`/contributions/repositories/${id}/commits/${c.sha}`}>
                    <code>{short(c.sha)}</code>
                  </Link>{' '}
                  {c.subject}
                </td>
                <td data-label="Author">
                  {c.authorName}
                  <br />
                  <span className="muted">{formatDateTime(c.authoredAt)}</span>
                </td>
                <td data-label="DCO">
                  {c.dcoSkipped ? (
                    <span className="muted">skipped ({c.dcoSkipped})</span>
                  ) : c.dcoOk ? (
                    <span className="status status-active">signed off</span>
                  ) : (
                    <span className="status status-failed">{c.dcoReason}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {session.user?.can.manageRepositories ? (
        <Settings
          repo={r}
          onSaved={(saved) => {
            setMessage(saved);
            repo.reload();
          }}
        />
      ) : null}
    </Page>
  );
}
