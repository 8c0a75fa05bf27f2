import { useState } from 'react';
import { useLocation } from 'wouter';
import { newAgreementSchema } from '../../../src/agreements/input.ts';
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
import { Loading, Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { parseContacts } from './contacts.ts';
import {
  emptyLine,
  LineFields,
  lineInput,
  linePriceProblems,
  type LineDraft,
} from './LineFields.tsx';
import { tierOptionLabel } from './types.ts';
import { t } from './messages.ts';
import { DateField } from '../app/DateField.tsx';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * An agreement recorded without a quote (signed on paper, or before the co-op used quotes): its
 * sponsor, lines, term and renewal, and what invoicing needs (buyer's reference, billing
 * contacts, whether a purchase order is required). One from a quote is made when the buyer
 * accepts it.
 */
export function NewAgreement() {
  const [, navigate] = useLocation();
  const organizations = useQuery('/api/organizations');
  const tiers = useQuery('/api/tiers', { params: { query: { all: 'true' } } });
  // The route's own schema checks the form first: its errors, in its words, beside the fields.
  const form = useZodForm(newAgreementSchema);
  // Custom lines are priced in the co-op's currency (the route's default without tier lines).
  const currency = useSession().session.coop?.currency ?? 'EUR';
  const [organizationId, setOrganizationId] = useState('');
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState(today());
  const [termMonths, setTermMonths] = useState<number | ''>(12);
  const [billingPeriodMonths, setBillingPeriodMonths] = useState('');
  const [autoRenew, setAutoRenew] = useState(true);
  const [noticeDays, setNoticeDays] = useState<number | ''>(30);
  const [buyerReference, setBuyerReference] = useState('');
  const [contacts, setContacts] = useState('');
  const [required, setRequired] = useState(false);
  const [lines, setLines] = useState<LineDraft[]>([emptyLine()]);

  if (!organizations.data || !tiers.data)
    return (
      <Page title={t('newAgreement.title')}>
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
      startsOn,
      termMonths: termMonths === '' ? undefined : termMonths,
      billingPeriodMonths: billingPeriodMonths ? Number(billingPeriodMonths) : undefined,
      autoRenew,
      noticeDays: noticeDays === '' ? undefined : noticeDays,
      lines: lines.map(lineInput(currency)),
      buyerReference: buyerReference.trim() || undefined,
      billingContacts: parseContacts(contacts),
      purchaseOrderRequired: required,
    }),
    async (body) => {
      const created = await api.post('/api/agreements', { body });
      navigate(`/agreements/${created.id}`);
    },
    // What the schema cannot read: unit prices in the member's notation.
    () => linePriceProblems(lines, currency),
  );

  return (
    <Page title={t('newAgreement.title')}>
      <p>{t('newAgreement.lead')}</p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} />
        <SelectField
          label={t('newAgreement.sponsor')}
          value={organizationId}
          onChange={setOrganizationId}
          options={[
            { value: '', label: t('chooseOrganization') },
            ...organizations.data.organizations.map((o) => ({ value: o.id, label: o.legalName })),
          ]}
          error={form.error('organizationId')}
        />
        <TextField
          label={t('newAgreement.titleField')}
          value={title}
          onChange={setTitle}
          error={form.error('title')}
        />
        <DateField
          label={t('newAgreement.startsOn')}
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
        <SelectField
          label={t('newAgreement.billingPeriod')}
          value={billingPeriodMonths}
          onChange={setBillingPeriodMonths}
          options={[
            { value: '', label: t('newAgreement.tiersPeriod') },
            { value: '1', label: t('newAgreement.everyMonth') },
            ...[3, 6, 12].map((count) => ({
              value: String(count),
              label: t('newAgreement.everyMonths', { count }),
            })),
          ]}
          error={form.error('billingPeriodMonths')}
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
        <TextField
          label={t('newAgreement.buyerReference')}
          value={buyerReference}
          onChange={setBuyerReference}
          error={form.error('buyerReference')}
        />
        <TextAreaField
          label={t('newAgreement.contacts')}
          hint={t('newAgreement.contactsHint')}
          value={contacts}
          onChange={setContacts}
          error={
            form.error('billingContacts') ??
            parseContacts(contacts)
              .map((_, i) => form.error(`billingContacts.${i}.email`))
              .find(Boolean)
          }
        />
        <CheckboxField
          label={t('newAgreement.poRequired')}
          checked={required}
          onChange={setRequired}
        />
        <SubmitButton busy={form.busy}>{t('newAgreement.record')}</SubmitButton>
      </form>
    </Page>
  );
}
