import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { toApiError, type ApiError } from '../app/api.ts';
import { Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';

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
    <Page title="Confirm your email address">
      {verified ? (
        <div className="notice notice-success" role="status">
          <p>
            {verified.email ? <strong>{verified.email}</strong> : 'Your address'} is confirmed.
            Thank you.
          </p>
          <p>
            <Link href={session.user ? `/members/${session.user.personId}` : '/sign-in'}>
              {session.user ? 'Back to your profile' : 'Sign in'}
            </Link>
          </p>
        </div>
      ) : (
        <>
          <p className="lead">Confirm that this email address is yours.</p>
          {problem ? (
            <div className="notice notice-error" role="alert">
              <p>{problem.problem.detail}</p>
            </div>
          ) : null}
          <button
            type="button"
            className="button primary"
            onClick={confirm}
            aria-disabled={busy || undefined}
          >
            {busy ? 'Please wait…' : 'Confirm my address'}
          </button>
        </>
      )}
    </Page>
  );
}
