import { useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { api } from '../api/client.ts';
import { localProblem } from '../app/api.ts';
import { FormProblem, Status, SubmitButton, TextField, useForm } from '../app/forms.tsx';
import { Page } from '../app/Page.tsx';

/** Asks for a reset link; the answer never says whether the address has an account. */
export function ForgotPassword() {
  const [params] = useSearchParams();
  const form = useForm();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [sentTo, setSentTo] = useState<string | null>(null);

  const onSubmit = form.submit(async () => {
    await api.post('/api/auth/password-reset/request', { body: { email: email.trim() } });
    setSentTo(email.trim());
  });

  return (
    <Page title="Reset your password">
      <p className="lead">
        Enter the email address you use for the co-op. If it has an account, we mail it a link to
        choose a new password. The link works for 2 hours.
      </p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form narrow-form">
        <FormProblem problem={form.problem} fields={['email']} />
        <TextField
          label="Email"
          type="email"
          value={email}
          onChange={setEmail}
          required
          autoComplete="email"
          error={form.error('email')}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy}>Send me a link</SubmitButton>
          <Link href="/sign-in">Back to sign in</Link>
        </div>
        <Status
          message={
            sentTo
              ? `If ${sentTo} belongs to a member, a reset link is on its way. Check your inbox (and spam folder).`
              : null
          }
        />
      </form>
    </Page>
  );
}

export function ResetPassword({ params }: { params: { token: string } }) {
  const form = useForm();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);

  const onSubmit = form.submit(async () => {
    if (password !== confirm)
      throw localProblem('The passwords differ.', { confirm: 'does not match the new password' });
    await api.post('/api/auth/password-reset', {
      body: { token: params.token, newPassword: password },
    });
    setDone(true);
  });

  return (
    <Page title="Choose a new password">
      {done ? (
        <div className="notice notice-success" role="status">
          <p>Your password is changed, and every session of yours was signed out.</p>
          <p>
            <Link href="/sign-in" className="button primary">
              Sign in
            </Link>
          </p>
        </div>
      ) : (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form narrow-form">
          <FormProblem problem={form.problem} fields={['newPassword', 'confirm']} />
          <TextField
            label="New password"
            type="password"
            hint="At least 10 characters."
            value={password}
            onChange={setPassword}
            required
            minLength={10}
            autoComplete="new-password"
            error={form.error('newPassword')}
          />
          <TextField
            label="Repeat the new password"
            type="password"
            value={confirm}
            onChange={setConfirm}
            required
            autoComplete="new-password"
            error={form.error('confirm')}
          />
          <div className="form-actions">
            <SubmitButton busy={form.busy}>Set the password</SubmitButton>
          </div>
          {form.problem?.status === 410 ? (
            <p>
              <Link href="/forgot-password">Ask for a new link</Link>
            </p>
          ) : null}
        </form>
      )}
    </Page>
  );
}
