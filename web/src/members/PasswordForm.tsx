import { useState } from 'react';
import { api } from '../api/client.ts';
import { localProblem } from '../app/api.ts';
import { FormProblem, Status, SubmitButton, TextField, useForm } from '../app/forms.tsx';
import { t } from './messages.ts';

/**
 * Sets a first password (after a registration-code sign-in) or changes the current one.
 * The server signs out every other session of the member.
 */
export function PasswordForm({
  hasPassword,
  onDone,
  submitLabel,
}: {
  hasPassword: boolean;
  onDone: () => Promise<void> | void;
  submitLabel: string;
}) {
  const form = useForm();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [saved, setSaved] = useState(false);

  const onSubmit = form.submit(async () => {
    setSaved(false);
    if (password !== confirm)
      throw localProblem(t('password.differ'), { confirm: t('password.noMatch') });
    await api.post('/api/auth/password', {
      body: {
        ...(hasPassword ? { currentPassword: current } : {}),
        newPassword: password,
      },
    });
    setCurrent('');
    setPassword('');
    setConfirm('');
    setSaved(true);
    await onDone();
  });

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form narrow-form">
      <FormProblem problem={form.problem} fields={['currentPassword', 'newPassword', 'confirm']} />
      {hasPassword ? (
        <TextField
          label={t('password.current')}
          type="password"
          value={current}
          onChange={setCurrent}
          required
          autoComplete="current-password"
          error={form.error('currentPassword')}
        />
      ) : null}
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
        <SubmitButton busy={form.busy}>{submitLabel}</SubmitButton>
      </div>
      <Status message={saved ? t('password.saved') : null} />
    </form>
  );
}
