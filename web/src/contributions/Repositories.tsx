import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { formatDateTime } from '../app/format.ts';
import { FormProblem, Status, SubmitButton, TextField } from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { repositoryInputSchema } from '../../../src/contributions/repositoryInput.ts';
import { t } from './messages.ts';
import { MyContributions } from './MyContributions.tsx';

// A command is typed as it is, in any language.
const checkCommand = 'coop contributions check-dco';

function RegisterForm({ onDone }: { onDone: (name: string) => void }) {
  const form = useZodForm(repositoryInputSchema);
  const [name, setName] = useState('');
  const [location, setLocation] = useState('');
  const [defaultBranch, setDefaultBranch] = useState('');
  const [bots, setBots] = useState('');
  const values = () => ({
    name,
    location,
    ...(defaultBranch ? { defaultBranch } : {}),
    botPatterns: bots
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
  });
  return (
    <form
      ref={form.formRef}
      noValidate
      onSubmit={form.submitValid(values, async (input) => {
        await api.post('/api/contributions/repositories', { body: input });
        setName('');
        setLocation('');
        onDone(input.name);
      })}
    >
      <h2>{t('register.title')}</h2>
      <FormProblem
        problem={form.problem}
        fields={['name', 'location', 'defaultBranch', 'botPatterns']}
      />
      <TextField
        label={t('register.name')}
        hint={t('register.nameHint')}
        value={name}
        onChange={setName}
        error={form.error('name')}
        required
      />
      <TextField
        label={t('register.location')}
        hint={t('register.locationHint')}
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
        hint={t('register.botsHint')}
        value={bots}
        onChange={setBots}
        error={form.error('botPatterns')}
      />
      <SubmitButton busy={form.busy}>{t('register.submit')}</SubmitButton>
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
      title={t('repositories.title')}
      actions={
        <>
          <Link href="/dco" className="button small">
            {t('repositories.dcoText')}
          </Link>
          {can?.manageRepositories ? (
            <Link href="/contributions/contributors" className="button small">
              {t('repositories.contributors')}
            </Link>
          ) : null}
        </>
      }
    >
      <p>
        {t('repositories.intro')}
        <code>{checkCommand}</code>.
      </p>
      {session.user ? <MyContributions personId={session.user.personId} /> : null}
      <section aria-labelledby="repositories-heading">
        <h2 id="repositories-heading">{t('repositories.heading')}</h2>
        <Status message={message} />
        {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
        {!list.data && !list.error ? <Loading /> : null}
        {list.data && list.data.repositories.length === 0 ? (
          <p className="muted">{t('repositories.none')}</p>
        ) : null}
        {list.data && list.data.repositories.length > 0 ? (
          <table className="responsive-table">
            <caption className="visually-hidden">{t('repositories.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.repository')}</th>
                <th scope="col" className="num">
                  {t('columns.commits')}
                </th>
                <th scope="col">{t('columns.dco')}</th>
                <th scope="col">{t('columns.lastSync')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.repositories.map((r) => (
                <tr key={r.id}>
                  <td data-label={t('columns.repository')}>
                    <Link href={`/contributions/repositories/${r.id}`}>{r.name}</Link>
                    <br />
                    <span className="muted">{r.location}</span>
                  </td>
                  <td data-label={t('columns.commits')} className="num">
                    {r.commits}
                  </td>
                  <td data-label={t('columns.dco')}>
                    {r.failingBranches === 0 ? (
                      <span className="status status-active">{t('repositories.allPass')}</span>
                    ) : (
                      <span className="status status-failed">
                        {t('repositories.branchesFail', { count: r.failingBranches })}
                      </span>
                    )}
                    {r.rewrites > 0 ? (
                      <span className="muted">
                        {t('repositories.rewritten', { count: r.rewrites })}
                      </span>
                    ) : null}
                  </td>
                  <td data-label={t('columns.lastSync')}>
                    {r.lastSyncError ? (
                      <span className="status status-failed">
                        {t('repositories.failed', { error: r.lastSyncError })}
                      </span>
                    ) : (
                      formatDateTime(r.lastSyncedAt) || t('repositories.notYet')
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
            setMessage(t('repositories.registered', { name }));
            list.reload();
          }}
        />
      ) : null}
    </Page>
  );
}
