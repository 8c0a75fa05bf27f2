import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../api/client.ts';
import { FormProblem, SelectField, SubmitButton, TextField } from '../app/forms.tsx';
import { monthName } from '../app/format.ts';
import { Page } from '../app/Page.tsx';
import { currentLocale } from '../app/i18n.ts';
import { t as common } from '../app/messages.ts';
import { asLocale, locales } from '../../../src/platform/i18n/locales.ts';
import { useSession } from '../app/session.tsx';
import { useZodForm } from '../app/zodForm.ts';
import { setupInputSchema } from '../../../src/coop/setupInput.ts';
import { SharesFields, sharesValue, type SharesInput } from '../bylaws/SharesFields.tsx';
import { t } from './messages.ts';

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

const monthOptions = () =>
  Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthName(i + 1) }));

/** First run: the co-op, its pie, and its first administrator, who is then signed in. */
export function SetupWizard() {
  const { refresh, changeLocale } = useSession();
  const [, navigate] = useLocation();
  const form = useZodForm(setupInputSchema);
  const [name, setName] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [startMonth, setStartMonth] = useState('1');
  const [pie, setPie] = useState<SharesInput>({ sponsors: 40, community: 30, hackers: 30 });
  const [adminName, setAdminName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  // Checked with the route's own schema: its words beside the fields, before any round trip.
  const values = () => ({
    name: name.trim(),
    currency: currency.trim().toUpperCase(),
    fiscalYearStartMonth: Number(startMonth),
    pie: sharesValue(pie),
    // The first administrator reads the co-op in the language the wizard was used in.
    admin: {
      displayName: adminName.trim(),
      email: email.trim(),
      password,
      locale: currentLocale(),
    },
  });
  const onSubmit = form.submitValid(values, async (body) => {
    await api.post('/api/setup', { body });
    await refresh();
    navigate('/');
  });

  return (
    <Page title={t('setup.title')}>
      <p className="lead">{t('setup.lead')}</p>
      {/* Chosen first, since changing it starts the page afresh; it becomes the administrator's. */}
      <div className="form">
        <SelectField
          label={common('nav.language')}
          hint={t('setup.languageHint')}
          value={currentLocale()}
          onChange={(next) => void changeLocale(asLocale(next))}
          options={locales.map((l) => ({ value: l, label: common(`languages.${l}`) }))}
        />
      </div>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={fields} />
        <fieldset>
          <legend>{t('setup.theCoop')}</legend>
          <TextField
            label={t('setup.name')}
            value={name}
            onChange={setName}
            required
            autoComplete="organization"
            error={form.error('name')}
          />
          <div className="field-row">
            <TextField
              label={t('setup.currency')}
              hint={t('setup.currencyHint')}
              value={currency}
              onChange={setCurrency}
              required
              maxLength={3}
              className="narrow"
              autoCapitalize="characters"
              error={form.error('currency')}
            />
            <SelectField
              label={t('setup.fiscalYear')}
              value={startMonth}
              onChange={setStartMonth}
              options={monthOptions()}
              error={form.error('fiscalYearStartMonth')}
            />
          </div>
        </fieldset>

        <fieldset aria-describedby="pie-help">
          <legend>{t('setup.thePie')}</legend>
          <p className="hint" id="pie-help">
            {t('setup.pieHelp')}
          </p>
          <SharesFields
            value={pie}
            onChange={setPie}
            error={form.error}
            prefix="pie"
            previewLabel={t('setup.piePreview')}
          />
        </fieldset>

        <fieldset>
          <legend>{t('setup.admin')}</legend>
          <TextField
            label={t('setup.yourName')}
            value={adminName}
            onChange={setAdminName}
            required
            autoComplete="name"
            error={form.error('admin.displayName')}
          />
          <TextField
            label={t('setup.email')}
            type="email"
            value={email}
            onChange={setEmail}
            required
            autoComplete="email"
            error={form.error('admin.email')}
          />
          <TextField
            label={t('setup.password')}
            type="password"
            hint={t('setup.passwordHint')}
            value={password}
            onChange={setPassword}
            required
            minLength={10}
            autoComplete="new-password"
            error={form.error('admin.password')}
          />
        </fieldset>
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('setup.create')}</SubmitButton>
        </div>
      </form>
    </Page>
  );
}
