import { formatDateTime } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';

/**
 * The transparency log's page: its key and origin, the latest checkpoints and who witnessed
 * them, and the commands anyone runs to check the co-op did not rewrite its history.
 */
export function LogPage() {
  const query = useQuery('/api/log');
  const log = query.data;
  const base = typeof window === 'undefined' ? '' : window.location.origin;
  return (
    <Page title="Transparency log">
      <p className="lead">
        Every decision and money movement is appended to a log that only grows: a Merkle tree like
        Certificate Transparency’s, with signed checkpoints. Anyone can check, without trusting this
        server, that a tally, an entry or a dividend was not changed after the fact.
      </p>
      {query.error ? <LoadError error={query.error} retry={query.reload} /> : null}
      {query.loading && !log ? <Loading /> : null}
      {log ? (
        <>
          <section aria-labelledby="log-identity" className="card">
            <h2 id="log-identity">The log</h2>
            <dl className="facts">
              <dt>Origin</dt>
              <dd>
                <code>{log.origin}</code>
              </dd>
              <dt>Public key</dt>
              <dd>
                {log.publicKey ? (
                  <code className="break">{log.publicKey}</code>
                ) : (
                  <span className="muted">
                    Not set: the operator runs <code>coop log keygen</code>.
                  </span>
                )}
              </dd>
              <dt>Records</dt>
              <dd>{log.size}</dd>
            </dl>
          </section>
          <section aria-labelledby="log-checkpoints" className="card">
            <h2 id="log-checkpoints">Checkpoints</h2>
            {log.recent.length === 0 ? (
              <p className="muted">No checkpoint has been signed yet.</p>
            ) : (
              <table className="responsive-table">
                <caption className="visually-hidden">The latest signed checkpoints</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Size
                    </th>
                    <th scope="col">Signed</th>
                    <th scope="col">Root hash</th>
                    <th scope="col">Witnessed by</th>
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
                          <span className="muted">nobody yet</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="log-verify" className="card">
            <h2 id="log-verify">Check it yourself</h2>
            <p>Keep watching the log: any rewrite of its history is reported.</p>
            <pre className="log-commands">
              <code>
                coop log watch {base} --key {log.publicKey ?? 'KEY'} --origin {log.origin}
              </code>
            </pre>
            <p>
              Check a record’s proof file (the “Download the proof” link beside a tally), offline:
            </p>
            <pre className="log-commands">
              <code>coop log check log-proof-N.json --key {log.publicKey ?? 'KEY'}</code>
            </pre>
            <p>
              Witness the log: make a key with <code>coop log witness-keygen</code>, register its
              public key (<code>POST /api/log/witnesses</code>), and run <code>watch</code> with{' '}
              <code>--witness-key</code>: each checkpoint your copy has checked is co-signed.
            </p>
          </section>
        </>
      ) : null}
    </Page>
  );
}
