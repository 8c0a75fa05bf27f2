import { useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { api } from '../api/client.ts';
import { FormProblem, Status, SubmitButton, TextField } from '../app/forms.tsx';
import { useZodForm } from '../app/zodForm.ts';
import {
  resetInputSchema,
  resetRequestInputSchema,
} from '../../../src/members/passwordResetInput.ts';
import { Page } from '../app/Page.tsx';
import { t } from './messages.ts';

/** Asks for a reset link; the answer never says whether the address has an account. */
export function ForgotPassword() {
  const [params] = useSearchParams();
  const form = useZodForm(resetRequestInputSchema);
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [sentTo, setSentTo] = useState<string | null>(null);

  const onSubmit = form.submitValid(
    () => ({ email: email.trim() }),
    async (body) => {
      await api.post('/api/auth/password-reset/request', { body });
      setSentTo(body.email);
    },
  );

  return (
    <Page title={t('reset.title')}>
      <p className="lead">{t('reset.lead')}</p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form narrow-form">
        <FormProblem problem={form.problem} fields={['email']} />
        <TextField
          label={t('reset.email')}
          type="email"
          value={email}
          onChange={setEmail}
          required
          autoComplete="email"
          error={form.error('email')}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('reset.send')}</SubmitButton>
          <Link href="/sign-in">{t('reset.back')}</Link>
        </div>
        <Status message={sentTo ? t('reset.sent', { email: sentTo }) : null} />
      </form>
    </Page>
  );
}

export function ResetPassword({ params }: { params: { token: string } }) {
  const form = useZodForm(resetInputSchema);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);

  // The repeated password is the form's alone: the route never sees it.
  const onSubmit = form.submitValid(
    () => ({ token: params.token, newPassword: password }),
    async (body) => {
      await api.post('/api/auth/password-reset', { body });
      setDone(true);
    },
    (): Record<string, string> => (password === confirm ? {} : { confirm: t('password.noMatch') }),
  );

  return (
    <Page title={t('reset.newTitle')}>
      {done ? (
        <div className="notice notice-success" role="status">
          <p>{t('reset.done')}</p>
          <p>
            <Link href="/sign-in" className="button primary">
              {t('reset.signIn')}
            </Link>
          </p>
        </div>
      ) : (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form narrow-form">
          <FormProblem problem={form.problem} fields={['newPassword', 'confirm']} />
          <TextField
            label={t('password.new')}
            type="password"
            hint={t('password.newHint')}
            value={password}
            onChange={setPassword}
            required
            minLength={10}
            autoComplete="new-password"
            error={form.error('newPassword')}
          />
          <TextField
            label={t('password.repeat')}
            type="password"
            value={confirm}
            onChange={setConfirm}
            required
            autoComplete="new-password"
            error={form.error('confirm')}
          />
          <div className="form-actions">
            <SubmitButton busy={form.busy}>{t('reset.set')}</SubmitButton>
          </div>
          {form.problem?.status === 410 ? (
            <p>
              <Link href="/forgot-password">{t('reset.askAgain')}</Link>
            </p>
          ) : null}
        </form>
      )}
    </Page>
  );
}
