import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { FormProblem, Status, SubmitButton, TextField } from '../app/forms.tsx';
import { Loading, LoadError } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { invoicingSettingsSchema } from '../../../src/invoicing/settingsInput.ts';
import { InvoicesPage } from './InvoicesPage.tsx';
import { t } from './messages.ts';

// The labels are the catalogue's `settings.<field>` keys.
const textFields = [
  'legalName',
  'vatId',
  'registrationId',
  'street',
  'postcode',
  'city',
  'country',
  'email',
  'phone',
  'iban',
  'bic',
  'invoicePrefix',
  'creditNotePrefix',
] as const;
type Key = (typeof textFields)[number];

/** The seller's details printed on every invoice, the numbering and the reminder stages. */
export function InvoicingSettings() {
  const user = useUser();
  const result = useQuery(user.can.issueInvoices ? '/api/invoicing/settings' : null);
  const form = useZodForm(invoicingSettingsSchema);
  const [values, setValues] = useState<Record<Key, string>>({} as Record<Key, string>);
  const [terms, setTerms] = useState('');
  const [stages, setStages] = useState('');
  const [message, setMessage] = useState('');
  useEffect(() => {
    const s = result.data;
    if (!s) return;
    setValues(Object.fromEntries(textFields.map((k) => [k, s[k] ?? ''])) as Record<Key, string>);
    setTerms(String(s.paymentTermsDays));
    setStages(s.dunningStages.map((d) => `${d.afterDays} ${d.label}`).join('\n'));
  }, [result.data]);

  // Days are typed as text; a number the form cannot read is its own to word, and goes out as
  // nothing rather than as NaN.
  const days = (v: string) => (/^\s*\d+\s*$/.test(v) ? Number(v) : null);
  const localChecks = (): Record<string, string> =>
    days(terms) === null ? { paymentTermsDays: t('settings.wholeDays') } : {};
  const nullable = (v: string) => (v.trim() === '' ? null : v.trim());
  const patch = () => ({
    legalName: values.legalName,
    vatId: nullable(values.vatId),
    registrationId: nullable(values.registrationId),
    street: values.street,
    postcode: values.postcode,
    city: values.city,
    country: values.country,
    email: values.email,
    phone: values.phone,
    iban: nullable(values.iban),
    bic: nullable(values.bic),
    invoicePrefix: values.invoicePrefix,
    creditNotePrefix: values.creditNotePrefix,
    paymentTermsDays: days(terms),
    dunningStages: stages
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const [after = '', ...label] = l.split(' ');
        return { afterDays: days(after), label: label.join(' ') || t('settings.defaultStage') };
      }),
  });

  const save = form.submitValid(
    patch,
    async (input) => {
      await api.patch('/api/invoicing/settings', { body: input });
      setMessage(t('settings.saved'));
      result.reload();
    },
    localChecks,
  );

  return (
    <InvoicesPage title={t('settings.title')}>
      <Status message={message} />
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!result.data && !result.error ? <Loading /> : null}
      {result.data ? (
        <form ref={form.formRef} onSubmit={save} noValidate className="form card">
          <FormProblem
            problem={form.problem}
            fields={[...textFields, 'paymentTermsDays', 'dunningStages']}
          />
          {textFields.map((key) => (
            <TextField
              key={key}
              label={t(`settings.${key}`)}
              value={values[key] ?? ''}
              onChange={(v) => setValues((old) => ({ ...old, [key]: v }))}
              error={form.error(key)}
            />
          ))}
          <TextField
            label={t('settings.paymentTerms')}
            inputMode="numeric"
            value={terms}
            onChange={setTerms}
            error={form.error('paymentTermsDays')}
          />
          <div className="field">
            <label htmlFor="dunning-stages">{t('settings.stages')}</label>
            <textarea
              id="dunning-stages"
              rows={4}
              value={stages}
              onChange={(e) => setStages(e.target.value)}
            />
          </div>
          <div className="form-actions">
            <SubmitButton busy={form.busy}>{t('settings.save')}</SubmitButton>
          </div>
        </form>
      ) : null}
    </InvoicesPage>
  );
}
