import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { FormProblem, Status, SubmitButton, TextField, useForm } from '../app/forms.tsx';
import { Loading, LoadError } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
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
  const form = useForm();
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

  const save = form.submit(async () => {
    const nullable = (v: string) => (v.trim() === '' ? null : v.trim());
    await api.patch('/api/invoicing/settings', {
      body: {
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
        paymentTermsDays: Number(terms),
        dunningStages: stages
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((l) => {
            const [days, ...label] = l.split(' ');
            return {
              afterDays: Number(days),
              label: label.join(' ') || t('settings.defaultStage'),
            };
          }),
      },
    });
    setMessage(t('settings.saved'));
    result.reload();
  });

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
