import { useState } from 'react';
import { Link, useSearch } from 'wouter';
import { formatDateTime } from '../app/format.ts';
import { Status } from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { t } from './messages.ts';

/** A branch's failing commits and the text to paste (the DCO app's own words). */
export function BranchCheck({ id }: { id: string }) {
  const ref = new URLSearchParams(useSearch()).get('ref') ?? '';
  const check = useQuery('/api/contributions/repositories/{id}/dco', {
    params: { path: { id }, query: { ref } },
  });
  const [copied, setCopied] = useState('');
  const branch = ref.replace(/^refs\/heads\//, '');
  const title = t('branchCheck.title', { branch });
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
        <Link href={`/contributions/repositories/${id}`}>{t('backToRepository')}</Link>
        {t('branchCheck.checked', { count: c.commitCount })}
        <code>{c.headSha.slice(0, 12)}</code>, {formatDateTime(c.checkedAt)}
      </p>
      {c.failing.length === 0 ? (
        <p className="notice notice-success">{t('branchCheck.allSigned')}</p>
      ) : (
        <>
          <section aria-labelledby="failing-heading">
            <h2 id="failing-heading">{t('branchCheck.failing')}</h2>
            <table className="responsive-table">
              <caption className="visually-hidden">{t('branchCheck.failingCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('columns.commit')}</th>
                  <th scope="col">{t('columns.author')}</th>
                  <th scope="col">{t('columns.why')}</th>
                </tr>
              </thead>
              <tbody>
                {c.failing.map((v) => (
                  <tr key={v.sha}>
                    <td data-label={t('columns.commit')}>
                      <code>{v.sha.slice(0, 12)}</code> {v.subject}
                    </td>
                    <td data-label={t('columns.author')}>
                      {v.author} &lt;{v.email}&gt;
                    </td>
                    <td data-label={t('columns.why')}>{v.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="remediation-heading">
            <h2 id="remediation-heading">{t('branchCheck.fix')}</h2>
            <button
              type="button"
              className="button small"
              onClick={() =>
                void navigator.clipboard
                  ?.writeText(c.remediation)
                  .then(() => setCopied(t('branchCheck.copied')))
              }
            >
              {t('branchCheck.copy')}
            </button>
            <Status message={copied} />
            <pre className="remediation" tabIndex={0} aria-label={t('branchCheck.remediation')}>
              {c.remediation}
            </pre>
          </section>
        </>
      )}
    </Page>
  );
}
