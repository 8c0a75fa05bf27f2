import { useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { quoteTermsSchema } from '../../../src/agreements/input.ts';
import { api } from '../api/client.ts';
import {
  CheckboxField,
  FormProblem,
  NumberField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../app/forms.tsx';
import {
  emptyLine,
  LineFields,
  lineInput,
  linePriceProblems,
  type LineDraft,
} from './LineFields.tsx';
import { Loading, Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { tierOptionLabel } from './types.ts';
import { t } from './messages.ts';
import { DateField } from '../app/DateField.tsx';

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A quote for an organization: tier lines or custom ones, its validity and proposed terms. */
export function NewQuote() {
  const [, navigate] = useLocation();
  const organizations = useQuery('/api/organizations');
  const tiers = useQuery('/api/tiers', { params: { query: { all: 'true' } } });
  // The route's own schema checks the form first: its errors, in its words, beside the fields.
  const form = useZodForm(quoteTermsSchema);
  // Custom lines are priced in the co-op's currency (the route's default without tier lines).
  const currency = useSession().session.coop?.currency ?? 'EUR';
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

  const onSubmit = form.submitValid(
    () => ({
      organizationId: organizationId || undefined,
      title,
      validUntil,
      startsOn,
      termMonths: termMonths === '' ? undefined : termMonths,
      autoRenew,
      noticeDays: noticeDays === '' ? undefined : noticeDays,
      notes,
      lines: lines.map(lineInput(currency)),
    }),
    async (body) => {
      const created = await api.post('/api/quotes', { body });
      navigate(`/quotes/${created.id}`);
    },
    // What the schema cannot read: unit prices in the member's notation.
    () => linePriceProblems(lines, currency),
  );

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
        <DateField
          label={t('newQuote.validUntil')}
          value={validUntil}
          onChange={setValidUntil}
          error={form.error('validUntil')}
        />
        <DateField
          label={t('newQuote.startsOn')}
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
