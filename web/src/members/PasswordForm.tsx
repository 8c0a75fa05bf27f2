import { useState } from 'react';
import { api } from '../api/client.ts';
import { FormProblem, Status, SubmitButton, TextField } from '../app/forms.tsx';
import { useZodForm } from '../app/zodForm.ts';
import { setPasswordInputSchema } from '../../../src/members/passwordInput.ts';
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
  const form = useZodForm(setPasswordInputSchema);
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [saved, setSaved] = useState(false);

  const values = () => {
    setSaved(false);
    return { ...(hasPassword ? { currentPassword: current } : {}), newPassword: password };
  };
  // The repeated password is the form's alone: the route never sees it.
  const confirmCheck = (): Record<string, string> =>
    password === confirm ? {} : { confirm: t('password.noMatch') };
  const onSubmit = form.submitValid(
    values,
    async (body) => {
      await api.post('/api/auth/password', { body });
      setCurrent('');
      setPassword('');
      setConfirm('');
      setSaved(true);
      await onDone();
    },
    confirmCheck,
  );

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
