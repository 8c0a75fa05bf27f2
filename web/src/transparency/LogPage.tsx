import { formatDateTime } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { t } from './messages.ts';

// Commands and routes are typed as they are, in any language.
const commands = {
  keygen: 'coop log keygen',
  witnessKeygen: 'coop log witness-keygen',
  witnesses: 'POST /api/log/witnesses',
  watch: 'watch',
  witnessKey: '--witness-key',
};

/**
 * The transparency log's page: its key and origin, the latest checkpoints and who witnessed
 * them, and the commands anyone runs to check the co-op did not rewrite its history.
 */
export function LogPage() {
  const query = useQuery('/api/log');
  const log = query.data;
  const base = typeof window === 'undefined' ? '' : window.location.origin;
  const watchCommand = log
    ? `coop log watch ${base} --key ${log.publicKey ?? 'KEY'} --origin ${log.origin}`
    : '';
  const checkCommand = `coop log check log-proof-N.json --key ${log?.publicKey ?? 'KEY'}`;
  return (
    <Page title={t('page.title')}>
      <p className="lead">{t('page.lead')}</p>
      {query.error ? <LoadError error={query.error} retry={query.reload} /> : null}
      {query.loading && !log ? <Loading /> : null}
      {log ? (
        <>
          <section aria-labelledby="log-identity" className="card">
            <h2 id="log-identity">{t('page.theLog')}</h2>
            <dl className="facts">
              <dt>{t('page.origin')}</dt>
              <dd>
                <code>{log.origin}</code>
              </dd>
              <dt>{t('page.publicKey')}</dt>
              <dd>
                {log.publicKey ? (
                  <code className="break">{log.publicKey}</code>
                ) : (
                  <span className="muted">
                    {t('page.notSet')}
                    <code>{commands.keygen}</code>
                    {t('page.notSetEnd')}
                  </span>
                )}
              </dd>
              <dt>{t('page.records')}</dt>
              <dd>{log.size}</dd>
            </dl>
          </section>
          <section aria-labelledby="log-checkpoints" className="card">
            <h2 id="log-checkpoints">{t('page.checkpoints')}</h2>
            {log.recent.length === 0 ? (
              <p className="muted">{t('page.noCheckpoint')}</p>
            ) : (
              <table className="responsive-table">
                <caption className="visually-hidden">{t('page.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t('page.size')}
                    </th>
                    <th scope="col">{t('page.signed')}</th>
                    <th scope="col">{t('page.rootHash')}</th>
                    <th scope="col">{t('page.witnessedBy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {log.recent.map((c) => (
                    <tr key={c.treeSize}>
                      <th scope="row" className="num">
                        {c.treeSize}
                      </th>
                      <td>{formatDateTime(c.signedAt)}</td>
                      <td>
                        <code className="break">{c.rootHash}</code>
                      </td>
                      <td>
                        {c.witnesses.length ? (
                          c.witnesses.map((w) => w.name).join(', ')
                        ) : (
                          <span className="muted">{t('page.nobody')}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="log-verify" className="card">
            <h2 id="log-verify">{t('page.checkIt')}</h2>
            <p>{t('page.watch')}</p>
            <pre className="log-commands">
              <code>{watchCommand}</code>
            </pre>
            <p>{t('page.checkProof')}</p>
            <pre className="log-commands">
              <code>{checkCommand}</code>
            </pre>
            <p>
              {t('page.witness1')}
              <code>{commands.witnessKeygen}</code>
              {t('page.witness2')}
              <code>{commands.witnesses}</code>
              {t('page.witness3')}
              <code>{commands.watch}</code>
              {t('page.witness4')}
              <code>{commands.witnessKey}</code>
              {t('page.witness5')}
            </p>
          </section>
        </>
      ) : null}
    </Page>
  );
}
