import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { DateField } from '../app/DateField.tsx';
import { formatDate } from '../app/format.ts';
import { Status } from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { t } from './messages.ts';
import { hours } from './MyContributions.tsx';

function linkLabel(link: string): string {
  if (link === 'manual') return t('contributors.linkManual');
  if (link === 'email') return t('contributors.linkEmail');
  if (link === 'unlinked') return t('contributors.linkUnlinked');
  return link;
}

function Stats() {
  const year = new Date().getUTCFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year + 1}-01-01`);
  // A date left empty or half erased is '': no query for half a period.
  const stats = useQuery(from && to ? '/api/contributions/stats' : null, {
    params: { query: { from, to } },
  });
  return (
    <section aria-labelledby="stats-heading">
      <h2 id="stats-heading">{t('stats.perMember')}</h2>
      <div className="field-row">
        <DateField label={t('stats.from')} value={from} onChange={setFrom} />
        <DateField label={t('stats.to')} value={to} onChange={setTo} />
      </div>
      {stats.error ? <LoadError error={stats.error} retry={stats.reload} /> : null}
      {stats.data ? (
        <>
          <table className="responsive-table">
            <caption className="visually-hidden">{t('stats.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.member')}</th>
                <th scope="col" className="num">
                  {t('columns.commits')}
                </th>
                <th scope="col" className="num">
                  {t('columns.signoffs')}
                </th>
                <th scope="col" className="num">
                  {t('columns.coAuthored')}
                </th>
                <th scope="col" className="num">
                  {t('columns.reviews')}
                </th>
                <th scope="col" className="num">
                  {t('columns.lines')}
                </th>
                <th scope="col" className="num">
                  {t('columns.medianLatency')}
                </th>
              </tr>
            </thead>
            <tbody>
              {stats.data.members.map((m) => (
                <tr key={m.personId}>
                  <td data-label={t('columns.member')}>
                    <Link href={`/members/${m.personId}`}>{m.displayName}</Link>
                  </td>
                  <td data-label={t('columns.commits')} className="num">
                    {m.commits}
                  </td>
                  <td data-label={t('columns.signoffs')} className="num">
                    {m.signoffs}
                  </td>
                  <td data-label={t('columns.coAuthored')} className="num">
                    {m.coAuthorships}
                  </td>
                  <td data-label={t('columns.reviews')} className="num">
                    {m.reviews}
                  </td>
                  <td data-label={t('columns.lines')} className="num">
                    {m.linesAdded}/{m.linesDeleted}
                  </td>
                  <td data-label={t('columns.medianLatency')} className="num">
                    {m.medianLatencyHours === null ? '—' : hours(m.medianLatencyHours)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('stats.firstTime')}</h3>
          {stats.data.firstTimeContributors.length === 0 ? (
            <p className="muted">{t('stats.none')}</p>
          ) : (
            <ul>
              {stats.data.firstTimeContributors.map((c) => (
                <li key={c.email}>
                  {t('stats.firstCommit', {
                    name: c.name,
                    email: c.email,
                    day: formatDate(c.firstCommitAt),
                  })}
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
    <Page title={t('contributors.title')}>
      <p>
        <Link href="/contributions">{t('contributors.repositories')}</Link>
        {t('contributors.intro')}
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
          <caption className="visually-hidden">{t('contributors.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.contributor')}</th>
              <th scope="col" className="num">
                {t('columns.commits')}
              </th>
              <th scope="col">{t('columns.member')}</th>
              <th scope="col">{t('columns.change')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.contributors.map((c) => (
              <tr key={c.id}>
                <td data-label={t('columns.contributor')}>
                  {c.name}
                  <br />
                  <span className="muted">{c.email}</span>
                </td>
                <td data-label={t('columns.commits')} className="num">
                  {c.commits}
                </td>
                <td data-label={t('columns.member')}>
                  {c.personName ?? '—'}
                  {c.link ? <span className="muted"> ({linkLabel(c.link)})</span> : null}
                </td>
                <td data-label={t('columns.change')}>
                  <label className="visually-hidden" htmlFor={`link-${c.id}`}>
                    {t('contributors.memberFor', { email: c.email })}
                  </label>
                  <select
                    id={`link-${c.id}`}
                    value={choice[c.id] ?? ''}
                    onChange={(e) => setChoice((old) => ({ ...old, [c.id]: e.target.value }))}
                  >
                    <option value="">{t('contributors.chooseMember')}</option>
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
                        t('contributors.linked', { email: c.email }),
                      )
                    }
                  >
                    {t('contributors.link')}
                  </button>{' '}
                  <button
                    type="button"
                    className="button small"
                    onClick={() =>
                      change(
                        c.id,
                        { link: 'unlinked' },
                        t('contributors.unlinked', { email: c.email }),
                      )
                    }
                  >
                    {t('contributors.unlink')}
                  </button>{' '}
                  {c.link === 'manual' || c.link === 'unlinked' ? (
                    <button
                      type="button"
                      className="button small"
                      onClick={() =>
                        change(c.id, { link: 'auto' }, t('contributors.auto', { email: c.email }))
                      }
                    >
                      {t('contributors.byEmail')}
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
