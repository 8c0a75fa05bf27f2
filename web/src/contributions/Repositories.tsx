import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { formatDateTime } from '../app/format.ts';
import { FormProblem, Status, SubmitButton, TextField, useForm } from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { MyContributions } from './MyContributions.tsx';

function RegisterForm({ onDone }: { onDone: (name: string) => void }) {
  const form = useForm();
  const [name, setName] = useState('');
  const [location, setLocation] = useState('');
  const [defaultBranch, setDefaultBranch] = useState('');
  const [bots, setBots] = useState('');
  return (
    <form
      ref={form.formRef}
      noValidate
      onSubmit={form.submit(async () => {
        await api.post('/api/contributions/repositories', {
          body: {
            name,
            location,
            ...(defaultBranch ? { defaultBranch } : {}),
            botPatterns: bots
              .split(',')
              .map((b) => b.trim())
              .filter(Boolean),
          },
        });
        setName('');
        setLocation('');
        onDone(name);
      })}
    >
      <h2>Register a repository</h2>
      <FormProblem
        problem={form.problem}
        fields={['name', 'location', 'defaultBranch', 'botPatterns']}
      />
      <TextField
        label="Name"
        hint="How the co-op names it, e.g. coop-server"
        value={name}
        onChange={setName}
        error={form.error('name')}
        required
      />
      <TextField
        label="Location"
        hint="A path on the server (a clone or bare mirror), or an https://, ssh:// or file:// URL the server mirrors"
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
        hint="Authors whose commits the DCO check skips, by email or name, comma-separated; * matches anything"
        value={bots}
        onChange={setBots}
        error={form.error('botPatterns')}
      />
      <SubmitButton busy={form.busy}>Register and sync</SubmitButton>
    </form>
  );
}

/** The co-op's repositories, how their branches stand with the DCO, and one's own record. */
export function Repositories() {
  const { session } = useSession();
  const can = session.user?.can;
  const list = useQuery('/api/contributions/repositories');
  const [message, setMessage] = useState('');
  return (
    <Page
      title="Contributions"
      actions={
        <>
          <Link href="/dco" className="button small">
            The DCO text
          </Link>
          {can?.manageRepositories ? (
            <Link href="/contributions/contributors" className="button small">
              Contributors
            </Link>
          ) : null}
        </>
      }
    >
      <p>
        Every commit to the co-op’s repositories is signed off under the Developer Certificate of
        Origin. The record of who signed off what lives in git, where anyone with a clone can check
        it: <code>coop contributions check-dco</code>.
      </p>
      {session.user ? <MyContributions personId={session.user.personId} /> : null}
      <section aria-labelledby="repositories-heading">
        <h2 id="repositories-heading">Repositories</h2>
        <Status message={message} />
        {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
        {!list.data && !list.error ? <Loading /> : null}
        {list.data && list.data.repositories.length === 0 ? (
          <p className="muted">No repository registered yet.</p>
        ) : null}
        {list.data && list.data.repositories.length > 0 ? (
          <table className="responsive-table">
            <caption className="visually-hidden">Repositories</caption>
            <thead>
              <tr>
                <th scope="col">Repository</th>
                <th scope="col" className="num">
                  Commits
                </th>
                <th scope="col">DCO</th>
                <th scope="col">Last sync</th>
              </tr>
            </thead>
            <tbody>
              {list.data.repositories.map((r) => (
                <tr key={r.id}>
                  <td data-label="Repository">
                    <Link href={`/contributions/repositories/${r.id}`}>{r.name}</Link>
                    <br />
                    <span className="muted">{r.location}</span>
                  </td>
                  <td data-label="Commits" className="num">
                    {r.commits}
                  </td>
                  <td data-label="DCO">
                    {r.failingBranches === 0 ? (
                      <span className="status status-active">all branches pass</span>
                    ) : (
                      <span className="status status-failed">
                        {r.failingBranches}{' '}
                        {r.failingBranches === 1 ? 'branch fails' : 'branches fail'}
                      </span>
                    )}
                    {r.rewrites > 0 ? (
                      <span className="muted"> · {r.rewrites} rewritten histories</span>
                    ) : null}
                  </td>
                  <td data-label="Last sync">
                    {r.lastSyncError ? (
                      <span className="status status-failed">failed: {r.lastSyncError}</span>
                    ) : (
                      formatDateTime(r.lastSyncedAt) || 'not yet'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      {can?.manageRepositories ? (
        <RegisterForm
          onDone={(name) => {
            setMessage(`${name} is registered; its first sync is queued.`);
            list.reload();
          }}
        />
      ) : null}
    </Page>
  );
}
