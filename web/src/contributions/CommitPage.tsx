import { Link } from 'wouter';
import { formatDateTime } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { t } from './messages.ts';

/** `+05:30` from minutes east of UTC: the offset git recorded, which the reader's clock hides. */
function offset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const lines = (n: number | null) => (n === null ? t('commit.binary') : String(n));

/** One commit: who wrote and committed it, its message, the files and lines it changed, its DCO verdict. */
export function CommitPage({ id, sha }: { id: string; sha: string }) {
  const commit = useQuery('/api/contributions/repositories/{id}/commits/{sha}', {
    params: { path: { id, sha } },
  });
  const title = t('commit.title', { sha: sha.slice(0, 12) });
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
        <Link href={`/contributions/repositories/${id}`}>{t('backToRepository')}</Link>
      </p>
      <dl className="details">
        <dt>{t('columns.commit')}</dt>
        <dd>
          <code className="break">{c.sha}</code>
        </dd>
        <dt>{t('commit.parents')}</dt>
        <dd>
          {c.parents.length === 0
            ? t('commit.root')
            : c.parents.map((p) => (
                <code key={p} className="break">
                  {p.slice(0, 12)}{' '}
                </code>
              ))}
        </dd>
        <dt>{t('columns.author')}</dt>
        <dd>
          {t('commit.theirClock', {
            name: c.authorName,
            email: c.authorEmail,
            at: formatDateTime(c.authoredAt),
            offset: offset(c.authorTz),
          })}
        </dd>
        <dt>{t('commit.committer')}</dt>
        <dd>
          {t('commit.theirClock', {
            name: c.committerName,
            email: c.committerEmail,
            at: formatDateTime(c.committedAt),
            offset: offset(c.committerTz),
          })}
        </dd>
        <dt>{t('columns.dco')}</dt>
        <dd>
          {c.dcoSkipped ? (
            <span className="muted">{t('skipped', { reason: c.dcoSkipped })}</span>
          ) : c.dcoOk ? (
            <span className="status status-active">{t('signedOff')}</span>
          ) : (
            <span className="status status-failed">{c.dcoReason}</span>
          )}
        </dd>
        <dt>{t('commit.onDefault')}</dt>
        <dd>
          {c.integratedAt ? (
            <>
              {t('commit.since', { at: formatDateTime(c.integratedAt) })}
              {c.integratedBy && c.integratedBy !== c.sha ? (
                <>
                  {t('commit.broughtBy')}
                  <code>{c.integratedBy.slice(0, 12)}</code>
                  {t('commit.broughtByEnd')}
                </>
              ) : null}
            </>
          ) : (
            t('commit.notYet')
          )}
        </dd>
      </dl>
      <section aria-labelledby="message-heading">
        <h2 id="message-heading">{t('commit.message')}</h2>
        <pre>{c.message}</pre>
      </section>
      <section aria-labelledby="files-heading">
        <h2 id="files-heading">
          {t('commit.filesChanged', {
            files: c.files,
            insertions: c.insertions,
            deletions: c.deletions,
          })}
        </h2>
        {c.changes === null ? (
          <p className="muted">{t('commit.noPaths')}</p>
        ) : c.changes.length === 0 ? (
          <p className="muted">{t('commit.noChanges')}</p>
        ) : (
          <table className="responsive-table">
            <caption className="visually-hidden">{t('commit.filesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.file')}</th>
                <th scope="col" className="num">
                  {t('columns.added')}
                </th>
                <th scope="col" className="num">
                  {t('columns.removed')}
                </th>
              </tr>
            </thead>
            <tbody>
              {c.changes.map((f) => (
                <tr key={f.path}>
                  <td data-label={t('columns.file')}>
                    <code className="break">{f.path}</code>
                  </td>
                  <td data-label={t('columns.added')} className="num">
                    {lines(f.added)}
                  </td>
                  <td data-label={t('columns.removed')} className="num">
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
