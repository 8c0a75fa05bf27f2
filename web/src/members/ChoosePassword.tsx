import { useLocation } from 'wouter';
import { Page } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { PasswordForm } from './PasswordForm.tsx';

/** After signing in with a one-time registration code: the member picks a password. */
export function ChoosePassword() {
  const user = useUser();
  const { refresh } = useSession();
  const [, navigate] = useLocation();
  return (
    <Page title={user.hasPassword ? 'Change your password' : 'Choose a password'}>
      {user.hasPassword ? null : (
        <p className="lead">
          Welcome, {user.displayName}. Your registration code worked once; choose a password to sign
          in from now on.
        </p>
      )}
      <PasswordForm
        hasPassword={user.hasPassword}
        submitLabel="Save the password"
        onDone={async () => {
          await refresh();
          navigate('/');
        }}
      />
    </Page>
  );
}
