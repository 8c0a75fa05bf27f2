import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';

/** The DCO exactly as published: its licence allows no change, so it is shown as a block. */
export function DcoText() {
  const dco = useQuery('/api/contributions/dco');
  return (
    <Page title="Developer Certificate of Origin">
      {dco.error ? <LoadError error={dco.error} retry={dco.reload} /> : null}
      {!dco.data && !dco.error ? <Loading /> : null}
      {dco.data ? (
        <>
          <p>
            Contributors certify this by adding{' '}
            <code>Signed-off-by: Your Name &lt;you@example.org&gt;</code> to each commit message (
            <code>git commit -s</code>). Version {dco.data.version}, SHA-256{' '}
            <code className="break">{dco.data.sha256}</code>.
          </p>
          <pre className="dco-text" tabIndex={0} aria-label="The DCO text">
            {dco.data.text}
          </pre>
        </>
      ) : null}
    </Page>
  );
}
