import { useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { api, asEntered } from '../api/client.ts';
import {
  CheckboxField,
  FormProblem,
  NumberField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useForm,
} from '../app/forms.tsx';
import { emptyLine, LineFields, lineInput, type LineDraft } from './LineFields.tsx';
import { Loading, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { tierOptionLabel } from './types.ts';
import { t } from './messages.ts';

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A quote for an organization: tier lines or custom ones, its validity and proposed terms. */
export function NewQuote() {
  const [, navigate] = useLocation();
  const organizations = useQuery('/api/organizations');
  const tiers = useQuery('/api/tiers', { params: { query: { all: 'true' } } });
  const form = useForm();
  // A won opportunity's "Draft the quote" opens this form with its organization and title.
  const prefill = new URLSearchParams(useSearch());
  const [organizationId, setOrganizationId] = useState(prefill.get('organizationId') ?? '');
  const [title, setTitle] = useState(prefill.get('title') ?? '');
  const [validUntil, setValidUntil] = useState(inDays(30));
  const [startsOn, setStartsOn] = useState(inDays(31));
  const [termMonths, setTermMonths] = useState<number | ''>(12);
  const [autoRenew, setAutoRenew] = useState(true);
  const [noticeDays, setNoticeDays] = useState<number | ''>(30);
  const [notes, setNotes] = useState('');
  const [lines, setLines] = useState<LineDraft[]>([{ ...emptyLine() }]);

  if (!organizations.data || !tiers.data)
    return (
      <Page title={t('newQuote.title')}>
        <Loading />
      </Page>
    );
  const tierOptions = [
    { value: '', label: t('customLine') },
    ...tiers.data.tiers
      .filter((tier) => !tier.archived)
      .map((tier) => ({ value: tier.id, label: tierOptionLabel(tier.current) })),
  ];

  const onSubmit = form.submit(async () => {
    const created = await api.post('/api/quotes', {
      body: asEntered({
        organizationId: organizationId || undefined,
        title: title.trim(),
        validUntil,
        startsOn,
        termMonths: termMonths === '' ? undefined : termMonths,
        autoRenew,
        noticeDays: noticeDays === '' ? undefined : noticeDays,
        notes: notes.trim(),
        lines: lines.map(lineInput),
      }),
    });
    navigate(`/quotes/${created.id}`);
  });

  return (
    <Page title={t('newQuote.title')}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} />
        <SelectField
          label={t('newQuote.for')}
          value={organizationId}
          onChange={setOrganizationId}
          options={[
            { value: '', label: t('chooseOrganization') },
            ...organizations.data.organizations.map((o) => ({ value: o.id, label: o.legalName })),
          ]}
          error={form.error('organizationId')}
        />
        <TextField
          label={t('newQuote.titleField')}
          value={title}
          onChange={setTitle}
          error={form.error('title')}
        />
        <TextField
          label={t('newQuote.validUntil')}
          type="date"
          value={validUntil}
          onChange={setValidUntil}
          error={form.error('validUntil')}
        />
        <TextField
          label={t('newQuote.startsOn')}
          type="date"
          value={startsOn}
          onChange={setStartsOn}
          error={form.error('startsOn')}
        />
        <NumberField
          label={t('newQuote.term')}
          value={termMonths}
          onChange={setTermMonths}
          error={form.error('termMonths')}
        />
        <CheckboxField label={t('newQuote.renews')} checked={autoRenew} onChange={setAutoRenew} />
        <NumberField
          label={t('newQuote.notice')}
          value={noticeDays}
          onChange={setNoticeDays}
          error={form.error('noticeDays')}
        />
        <LineFields
          lines={lines}
          setLines={setLines}
          tierOptions={tierOptions}
          error={form.error}
        />
        <TextAreaField
          label={t('newQuote.notes')}
          value={notes}
          onChange={setNotes}
          error={form.error('notes')}
        />
        <SubmitButton busy={form.busy}>{t('newQuote.save')}</SubmitButton>
      </form>
    </Page>
  );
}
