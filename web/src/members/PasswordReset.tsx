import { useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { api } from '../api/client.ts';
import { localProblem } from '../app/api.ts';
import { FormProblem, Status, SubmitButton, TextField, useForm } from '../app/forms.tsx';
import { Page } from '../app/Page.tsx';
import { t } from './messages.ts';

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
  const form = useForm();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);

  const onSubmit = form.submit(async () => {
    if (password !== confirm)
      throw localProblem(t('password.differ'), { confirm: t('password.noMatch') });
    await api.post('/api/auth/password-reset', {
      body: { token: params.token, newPassword: password },
    });
    setDone(true);
  });

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
