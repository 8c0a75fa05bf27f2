import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../api/client.ts';
import { localProblem } from '../app/api.ts';
import { FormProblem, SelectField, SubmitButton, TextField, useForm } from '../app/forms.tsx';
import { monthName } from '../app/format.ts';
import { Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';
import { SharesFields, sharesSum, sharesValue, type SharesInput } from '../bylaws/SharesFields.tsx';

const fields = [
  'name',
  'currency',
  'fiscalYearStartMonth',
  'pie',
  'pie.sponsors',
  'pie.community',
  'pie.hackers',
  'admin.displayName',
  'admin.email',
  'admin.password',
] as const;

const monthOptions = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: monthName(i + 1),
}));

/** First run: the co-op, its pie, and its first administrator, who is then signed in. */
export function SetupWizard() {
  const { refresh } = useSession();
  const [, navigate] = useLocation();
  const form = useForm();
  const [name, setName] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [startMonth, setStartMonth] = useState('1');
  const [pie, setPie] = useState<SharesInput>({ sponsors: 40, community: 30, hackers: 30 });
  const [adminName, setAdminName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const sum = sharesSum(pie);

  const onSubmit = form.submit(async () => {
    const local: Record<string, string> = {};
    if (name.trim().length < 2) local['name'] = 'give the co-op a name';
    if (!/^[A-Za-z]{3}$/.test(currency.trim())) local['currency'] = 'use a three-letter code';
    if (!adminName.trim()) local['admin.displayName'] = 'enter your name';
    if (!email.includes('@')) local['admin.email'] = 'enter your email address';
    if (sum !== 100) local['pie'] = `the shares add up to ${sum}; they must sum to 100`;
    if (password.length < 10) local['admin.password'] = 'use at least 10 characters';
    if (Object.keys(local).length > 0) throw localProblem('Please check the form.', local);
    await api.post('/api/setup', {
      body: {
        name: name.trim(),
        currency: currency.trim().toUpperCase(),
        fiscalYearStartMonth: Number(startMonth),
        pie: sharesValue(pie),
        admin: { displayName: adminName.trim(), email: email.trim(), password },
      },
    });
    await refresh();
    navigate('/');
  });

  return (
    <Page title="Set up your co-op">
      <p className="lead">
        Welcome. Three short steps create the co-op, its founding bylaws and its first
        administrator. Everything can be changed later.
      </p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={fields} />
        <fieldset>
          <legend>1. The co-op</legend>
          <TextField
            label="Co-op name"
            value={name}
            onChange={setName}
            required
            autoComplete="organization"
            error={form.error('name')}
          />
          <div className="field-row">
            <TextField
              label="Currency"
              hint="Three-letter ISO code, such as EUR or USD."
              value={currency}
              onChange={setCurrency}
              required
              maxLength={3}
              className="narrow"
              autoCapitalize="characters"
              error={form.error('currency')}
            />
            <SelectField
              label="Fiscal year starts in"
              value={startMonth}
              onChange={setStartMonth}
              options={monthOptions}
              error={form.error('fiscalYearStartMonth')}
            />
          </div>
        </fieldset>

        <fieldset aria-describedby="pie-help">
          <legend>2. The pie</legend>
          <p className="hint" id="pie-help">
            Each cycle the hackers’ time is shared between the member classes in these proportions,
            fixed in the bylaws so that no class can take over. The shares must add up to 100.
          </p>
          <SharesFields
            value={pie}
            onChange={setPie}
            error={form.error}
            prefix="pie"
            previewLabel="Preview of the pie"
          />
        </fieldset>

        <fieldset>
          <legend>3. The first administrator</legend>
          <TextField
            label="Your name"
            value={adminName}
            onChange={setAdminName}
            required
            autoComplete="name"
            error={form.error('admin.displayName')}
          />
          <TextField
            label="Email"
            type="email"
            value={email}
            onChange={setEmail}
            required
            autoComplete="email"
            error={form.error('admin.email')}
          />
          <TextField
            label="Password"
            type="password"
            hint="At least 10 characters. A few unrelated words make a good one."
            value={password}
            onChange={setPassword}
            required
            minLength={10}
            autoComplete="new-password"
            error={form.error('admin.password')}
          />
        </fieldset>
        <div className="form-actions">
          <SubmitButton busy={form.busy}>Create the co-op</SubmitButton>
        </div>
      </form>
    </Page>
  );
}
