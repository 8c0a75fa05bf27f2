import { useState } from 'react';
import { useLocation } from 'wouter';
import { api, setCsrfToken } from '../api/client.ts';
import { classLabel, formatDate } from '../app/format.ts';
import { FormProblem, SubmitButton, TextField, useForm } from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import type { InvitationPreview } from '../api/types.ts';

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { refresh } = useSession();
  const [, navigate] = useLocation();
  const form = useForm();
  const [name, setName] = useState(invitation.displayName ?? '');
  const [password, setPassword] = useState('');

  const onSubmit = form.submit(async () => {
    const signedIn = await api.post('/api/invitation-links/{token}/accept', {
      params: { path: { token } },
      body: { displayName: name.trim(), password },
    });
    setCsrfToken(signedIn.csrfToken);
    await refresh();
    navigate('/');
  });

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form narrow-form">
      <FormProblem problem={form.problem} fields={['displayName', 'password']} />
      <TextField
        label="Your name"
        hint="As other members will see it."
        value={name}
        onChange={setName}
        required
        autoComplete="name"
        error={form.error('displayName')}
      />
      <TextField
        label="Choose a password"
        type="password"
        hint="At least 10 characters."
        value={password}
        onChange={setPassword}
        required
        minLength={10}
        autoComplete="new-password"
        error={form.error('password')}
      />
      <div className="form-actions">
        <SubmitButton busy={form.busy}>Accept and join</SubmitButton>
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
    <Page title={`Join ${session.coop?.name ?? 'the co-op'}`}>
      {invitation.error ? (
        <LoadError error={invitation.error} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <div className="card invitation-card">
            <p>
              <strong>{data.email}</strong> is invited to join as a{' '}
              <strong>{classLabel(data.memberClass).toLowerCase()}</strong> member
              {data.organizationName ? (
                <>
                  {' '}
                  representing <strong>{data.organizationName}</strong>
                </>
              ) : null}
              .
            </p>
            <p className="muted">This invitation expires on {formatDate(data.expiresAt)}.</p>
          </div>
          {session.user ? (
            <p className="notice notice-info">
              You are signed in as {session.user.displayName}. Accepting signs you in as the new
              member instead.
            </p>
          ) : null}
          <AcceptForm token={params.token} invitation={data} />
        </>
      )}
    </Page>
  );
}
