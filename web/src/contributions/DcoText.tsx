import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { t } from './messages.ts';

const signOffLine = 'Signed-off-by: Your Name <you@example.org>';
const signOffCommand = 'git commit -s';

/** The DCO exactly as published: its licence allows no change, so it is shown as a block. */
export function DcoText() {
  const dco = useQuery('/api/contributions/dco');
  return (
    <Page title={t('dco.title')}>
      {dco.error ? <LoadError error={dco.error} retry={dco.reload} /> : null}
      {!dco.data && !dco.error ? <Loading /> : null}
      {dco.data ? (
        <>
          <p>
            {t('dco.certify')}
            <code>{signOffLine}</code>
            {t('dco.toEach')}
            <code>{signOffCommand}</code>
            {t('dco.version', { version: dco.data.version })}
            <code className="break">{dco.data.sha256}</code>.
          </p>
          <pre className="dco-text" tabIndex={0} aria-label={t('dco.text')}>
            {dco.data.text}
          </pre>
        </>
      ) : null}
    </Page>
  );
}
