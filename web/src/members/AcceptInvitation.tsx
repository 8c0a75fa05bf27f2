import { useState } from 'react';
import { useLocation } from 'wouter';
import { api, setCsrfToken } from '../api/client.ts';
import { formatDate } from '../app/format.ts';
import { FormProblem, SubmitButton, TextField } from '../app/forms.tsx';
import { useZodForm } from '../app/zodForm.ts';
import { acceptInvitationInputSchema } from '../../../src/members/acceptInvitationInput.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import type { InvitationPreview } from '../api/types.ts';
import { t } from './messages.ts';

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { refresh } = useSession();
  const [, navigate] = useLocation();
  const form = useZodForm(acceptInvitationInputSchema);
  const [name, setName] = useState(invitation.displayName ?? '');
  const [password, setPassword] = useState('');

  const onSubmit = form.submitValid(
    () => ({ displayName: name, password }),
    async (body) => {
      const signedIn = await api.post('/api/invitation-links/{token}/accept', {
        params: { path: { token } },
        body,
      });
      setCsrfToken(signedIn.csrfToken);
      await refresh();
      navigate('/');
    },
  );

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form narrow-form">
      <FormProblem problem={form.problem} fields={['displayName', 'password']} />
      <TextField
        label={t('accept.yourName')}
        hint={t('accept.yourNameHint')}
        value={name}
        onChange={setName}
        required
        autoComplete="name"
        error={form.error('displayName')}
      />
      <TextField
        label={t('accept.password')}
        type="password"
        hint={t('accept.passwordHint')}
        value={password}
        onChange={setPassword}
        required
        minLength={10}
        autoComplete="new-password"
        error={form.error('password')}
      />
      <div className="form-actions">
        <SubmitButton busy={form.busy}>{t('accept.submit')}</SubmitButton>
      </div>
    </form>
  );
}

/** An invitation link: who is invited as what, and the form that makes them a member. */
export function AcceptInvitation({ params }: { params: { token: string } }) {
  const { session } = useSession();
  const invitation = useQuery('/api/invitation-links/{token}', {
    params: { path: { token: params.token } },
  });
  const data = invitation.data;
  return (
    <Page title={t('accept.title', { coop: session.coop?.name ?? t('accept.theCoop') })}>
      {invitation.error ? (
        <LoadError error={invitation.error} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <div className="card invitation-card">
            <p>
              <strong>{data.email}</strong>{' '}
              {data.organizationName
                ? t('accept.invitedFor', {
                    memberClass: t(`classInSentence.${data.memberClass}`),
                    organization: data.organizationName,
                  })
                : t('accept.invited', { memberClass: t(`classInSentence.${data.memberClass}`) })}
              .
            </p>
            <p className="muted">{t('accept.expires', { date: formatDate(data.expiresAt) })}</p>
          </div>
          {session.user ? (
            <p className="notice notice-info">
              {t('accept.signedIn', { name: session.user.displayName })}
            </p>
          ) : null}
          <AcceptForm token={params.token} invitation={data} />
        </>
      )}
    </Page>
  );
}
