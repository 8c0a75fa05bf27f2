import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../api/client.ts';
import { toApiError, type ApiError } from '../app/api.ts';
import { Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';
import { t } from './messages.ts';
import { t as common } from '../app/messages.ts';

/**
 * The one-time sign-in link mailed to an account's owner while failed guesses from elsewhere
 * lock it. One click signs in; a link used or expired says so.
 */
export function SignInLink({ params }: { params: { token: string } }) {
  const { refresh } = useSession();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);

  const signIn = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await api.post('/api/auth/sign-in-link', { body: { token: params.token } });
      await refresh();
      navigate('/');
    } catch (error) {
      setProblem(toApiError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('signInLink.title')}>
      <p className="lead">{t('signInLink.lead')}</p>
      {problem ? (
        <div className="notice notice-error" role="alert">
          <p>{problem.problem.detail}</p>
        </div>
      ) : null}
      <button
        type="button"
        className="button primary"
        onClick={signIn}
        aria-disabled={busy || undefined}
      >
        {busy ? common('form.wait') : t('signInLink.submit')}
      </button>
    </Page>
  );
}
