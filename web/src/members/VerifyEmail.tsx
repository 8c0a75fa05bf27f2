import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { toApiError, type ApiError } from '../app/api.ts';
import { Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';
import { t } from './messages.ts';
import { t as common } from '../app/messages.ts';

/** The link mailed to a newly added address; one click confirms it (no sign-in needed). */
export function VerifyEmail({ params }: { params: { token: string } }) {
  const { session } = useSession();
  const [busy, setBusy] = useState(false);
  const [verified, setVerified] = useState<{ email: string | null } | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      setVerified(
        await api.post('/api/auth/emails/verify/{token}', {
          params: { path: { token: params.token } },
        }),
      );
    } catch (error) {
      setProblem(toApiError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('verifyEmail.title')}>
      {verified ? (
        <div className="notice notice-success" role="status">
          <p>
            {t('verifyEmail.confirmed', { email: verified.email ?? t('verifyEmail.yourAddress') })}
          </p>
          <p>
            <Link href={session.user ? `/members/${session.user.personId}` : '/sign-in'}>
              {session.user ? t('verifyEmail.backToProfile') : common('nav.signIn')}
            </Link>
          </p>
        </div>
      ) : (
        <>
          <p className="lead">{t('verifyEmail.lead')}</p>
          {problem ? (
            <div className="notice notice-error" role="alert">
              <p>{problem.message}</p>
            </div>
          ) : null}
          <button
            type="button"
            className="button primary"
            onClick={confirm}
            aria-disabled={busy || undefined}
          >
            {busy ? common('form.wait') : t('verifyEmail.submit')}
          </button>
        </>
      )}
    </Page>
  );
}
