import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'wouter';
import { api, setCsrfToken } from '../api/client.ts';
import { FormProblem, SubmitButton, TextField } from '../app/forms.tsx';
import { Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';
import { useZodForm } from '../app/zodForm.ts';
import { signInInputSchema } from '../../../src/members/signInInput.ts';
import { t } from './messages.ts';

type Method = 'password' | 'code';

/** Only paths of this site: "/members?q=a", never "//elsewhere.example". */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignIn() {
  const { refresh } = useSession();
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const form = useZodForm(signInInputSchema);
  // The registration-code mail links here with ?email=; such visitors have a code, not a password.
  const [method, setMethod] = useState<Method>(params.get('email') ? 'code' : 'password');
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');

  // The route's schema: an address, and a password or a code; its words beside the fields.
  const values = () =>
    method === 'password'
      ? { email: email.trim(), password }
      : { email: email.trim(), code: code.trim() };
  const onSubmit = form.submitValid(values, async (body) => {
    const signedIn = await api.post('/api/auth/login', { body });
    setCsrfToken(signedIn.csrfToken);
    const session = await refresh();
    if (session.user && !session.user.hasPassword) navigate('/choose-password');
    else navigate(safeNext(params.get('next')));
  });

  const choose = (next: Method) => {
    setMethod(next);
    form.setProblem(null);
  };

  return (
    <Page title={t('signIn.title')}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form narrow-form">
        <fieldset className="segmented">
          <legend>{t('signIn.how')}</legend>
          <div className="segments">
            <label className={method === 'password' ? 'segment selected' : 'segment'}>
              <input
                type="radio"
                name="method"
                value="password"
                checked={method === 'password'}
                onChange={() => choose('password')}
              />
              {t('signIn.withPassword')}
            </label>
            <label className={method === 'code' ? 'segment selected' : 'segment'}>
              <input
                type="radio"
                name="method"
                value="code"
                checked={method === 'code'}
                onChange={() => choose('code')}
              />
              {t('signIn.withCode')}
            </label>
          </div>
        </fieldset>
        <FormProblem problem={form.problem} fields={['email', 'password', 'code']} />
        <TextField
          label={t('signIn.email')}
          type="email"
          value={email}
          onChange={setEmail}
          required
          autoComplete="username"
          error={form.error('email')}
        />
        {method === 'password' ? (
          <TextField
            label={t('signIn.password')}
            type="password"
            value={password}
            onChange={setPassword}
            required
            autoComplete="current-password"
            error={form.error('password')}
          />
        ) : (
          <TextField
            label={t('signIn.code')}
            hint={t('signIn.codeHint')}
            value={code}
            onChange={setCode}
            required
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            error={form.error('code')}
          />
        )}
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('signIn.submit')}</SubmitButton>
          <Link href={`/forgot-password${email ? `?email=${encodeURIComponent(email)}` : ''}`}>
            {t('signIn.forgot')}
          </Link>
        </div>
      </form>
      <p className="aside">
        {t('signIn.newHere')} <Link href="/bylaws">{t('signIn.readBylaws')}</Link>.
      </p>
    </Page>
  );
}
