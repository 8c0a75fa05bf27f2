import { useLocation } from 'wouter';
import { Page } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { t } from './messages.ts';

/** After signing in with a one-time registration code: the member picks a password. */
export function ChoosePassword() {
  const user = useUser();
  const { refresh } = useSession();
  const [, navigate] = useLocation();
  return (
    <Page title={user.hasPassword ? t('password.change') : t('password.choose')}>
      {user.hasPassword ? null : (
        <p className="lead">{t('password.welcome', { name: user.displayName })}</p>
      )}
      <PasswordForm
        hasPassword={user.hasPassword}
        submitLabel={t('password.saveThe')}
        onDone={async () => {
          await refresh();
          navigate('/');
        }}
      />
    </Page>
  );
}
