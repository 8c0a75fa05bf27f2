import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { repositoryChangesSchema } from '../../../src/contributions/repositoryInput.ts';
import { api } from '../api/client.ts';
import type { components } from '../api/schema.d.ts';
import { ConfirmAction } from '../app/ConfirmAction.tsx';
import { formatDateTime } from '../app/format.ts';
import { FormProblem, Status, SubmitButton, TextField } from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { t } from './messages.ts';

const short = (sha: string) => sha.slice(0, 12);
const branchName = (ref: string) => ref.replace(/^refs\/(heads|tags)\//, '');

type Repository = components['schemas']['Repository'];

/** An officer's settings of a repository, and its removal. */
function Settings({ repo, onSaved }: { repo: Repository; onSaved: (message: string) => void }) {
  const form = useZodForm(repositoryChangesSchema);
  const [, navigate] = useLocation();
  const [name, setName] = useState(repo.name);
  const [location, setLocation] = useState(repo.location);
  const [defaultBranch, setDefaultBranch] = useState(repo.defaultBranch ?? '');
  const [bots, setBots] = useState(repo.botPatterns.join(', '));
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('repository.settings')}</h2>
      <form
        ref={form.formRef}
        noValidate
        onSubmit={form.submitValid(
          () => ({
            name,
            location,
            defaultBranch: defaultBranch.trim() || null,
            botPatterns: bots
              .split(',')
              .map((b) => b.trim())
              .filter(Boolean),
          }),
          async (body) => {
            const { changed } = await api.patch('/api/contributions/repositories/{id}', {
              params: { path: { id: repo.id } },
              body,
            });
            onSaved(changed ? t('repository.saved') : t('repository.unchanged'));
          },
        )}
      >
        <FormProblem
          problem={form.problem}
          fields={['name', 'location', 'defaultBranch', 'botPatterns']}
        />
        <TextField
          label={t('register.name')}
          value={name}
          onChange={setName}
          error={form.error('name')}
          required
        />
        <TextField
          label={t('register.location')}
          hint={t('repository.locationHint')}
          value={location}
          onChange={setLocation}
          error={form.error('location')}
          required
        />
        <TextField
          label={t('register.defaultBranch')}
          hint={t('register.defaultBranchHint')}
          value={defaultBranch}
          onChange={setDefaultBranch}
          error={form.error('defaultBranch')}
        />
        <TextField
          label={t('register.bots')}
          hint={t('repository.botsHint')}
          value={bots}
          onChange={setBots}
          error={form.error('botPatterns')}
        />
        <SubmitButton busy={form.busy}>{t('repository.save')}</SubmitButton>
      </form>
      <ConfirmAction
        tone="danger"
        hint={t('repository.removeExplain')}
        trigger={t('repository.remove')}
        title={t('repository.removeTitle', { name: repo.name })}
        confirm={t('repository.removeAction')}
        onConfirm={async () => {
          await api.delete('/api/contributions/repositories/{id}', {
            params: { path: { id: repo.id } },
          });
          navigate('/contributions');
          return undefined;
        }}
      >
        <p>{t('repository.removeConfirm', { name: repo.name })}</p>
      </ConfirmAction>
    </section>
  );
}

export function RepositoryPage({ id }: { id: string }) {
  const { session } = useSession();
  const repo = useQuery('/api/contributions/repositories/{id}', { params: { path: { id } } });
  const [message, setMessage] = useState('');
  if (repo.error)
    return (
      <Page title={t('repository.title')}>
        <LoadError error={repo.error} retry={repo.reload} />
      </Page>
    );
  if (!repo.data)
    return (
      <Page title={t('repository.title')}>
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
                .then(() => setMessage(t('repository.syncQueued')));
            }}
          >
            {t('repository.syncNow')}
          </button>
        ) : null
      }
    >
      <p>
        <Link href="/contributions">{t('repository.all')}</Link>
        {t('repository.lastSynced', {
          location: r.location,
          at: formatDateTime(r.lastSyncedAt) || t('repository.never'),
        })}
      </p>
      <Status message={message} />
      {r.lastSyncError ? (
        <p className="notice notice-warning">
          {t('repository.syncFailed', { error: r.lastSyncError })}
        </p>
      ) : null}
      <section aria-labelledby="branches-heading">
        <h2 id="branches-heading">{t('repository.branches')}</h2>
        <p className="muted">{t('repository.branchesIntro')}</p>
        {r.branches.length === 0 ? (
          <p className="muted">{t('repository.noBranch')}</p>
        ) : (
          <table className="responsive-table">
            <caption className="visually-hidden">{t('repository.branchesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.branch')}</th>
                <th scope="col" className="num">
                  {t('columns.commits')}
                </th>
                <th scope="col">{t('columns.dco')}</th>
              </tr>
            </thead>
            <tbody>
              {r.branches.map((b) => (
                <tr key={b.ref}>
                  <td data-label={t('columns.branch')}>
                    <Link
                      href={`/contributions/repositories/${id}/dco?ref=${encodeURIComponent(b.ref)}`}
                    >
                      {branchName(b.ref)}
                    </Link>{' '}
                    <code className="muted">{short(b.headSha)}</code>
                  </td>
                  <td data-label={t('columns.commits')} className="num">
                    {b.commitCount}
                  </td>
                  <td data-label={t('columns.dco')}>
                    {b.failureCount === 0 ? (
                      <span className="status status-active">{t('repository.passes')}</span>
                    ) : (
                      <span className="status status-failed">
                        {t('repository.failing', { count: b.failureCount })}
                      </span>
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
          <h2 id="rewrites-heading">{t('repository.rewrites')}</h2>
          <ul>
            {r.rewrites.map((w) => (
              <li key={`${w.ref}-${w.newSha}`}>
                {formatDateTime(w.detectedAt)}: <strong>{branchName(w.ref)}</strong>
                {t('repository.moved')}
                <code>{short(w.oldSha)}</code>
                {t('repository.to')}
                <code>{short(w.newSha)}</code>
                {t('repository.notDescending')}
                {w.droppedCommits === null
                  ? ''
                  : t('repository.dropped', { count: w.droppedCommits })}
                .
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="commits-heading">
        <h2 id="commits-heading">{t('repository.latest')}</h2>
        <table className="responsive-table">
          <caption className="visually-hidden">{t('repository.latest')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.commit')}</th>
              <th scope="col">{t('columns.author')}</th>
              <th scope="col">{t('columns.dco')}</th>
            </tr>
          </thead>
          <tbody>
            {r.recentCommits.map((c) => (
              <tr key={c.sha}>
                <td data-label={t('columns.commit')}>
                  <Link href={`/contributions/repositories/${id}/commits/${c.sha}`}>
                    <code>{short(c.sha)}</code>
                  </Link>{' '}
                  {c.subject}
                </td>
                <td data-label={t('columns.author')}>
                  {c.authorName}
                  <br />
                  <span className="muted">{formatDateTime(c.authoredAt)}</span>
                </td>
                <td data-label={t('columns.dco')}>
                  {c.dcoSkipped ? (
                    <span className="muted">{t('skipped', { reason: c.dcoSkipped })}</span>
                  ) : c.dcoOk ? (
                    <span className="status status-active">{t('signedOff')}</span>
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
