import { useState } from 'react';
import { useLocation } from 'wouter';
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
import { Loading, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { parseContacts } from './contacts.ts';
import { emptyLine, LineFields, lineInput, type LineDraft } from './LineFields.tsx';

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
  const form = useForm();
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
      <Page title="New agreement">
        <Loading />
      </Page>
    );
  const tierOptions = [
    { value: '', label: 'A custom line' },
    ...tiers.data.tiers
      .filter((t) => !t.archived)
      .map((t) => ({
        value: t.id,
        label: `${t.current.name}: ${t.current.currency} ${t.current.price} per ${t.current.periodMonths} months`,
      })),
  ];

  const onSubmit = form.submit(async () => {
    const created = await api.post('/api/agreements', {
      body: asEntered({
        organizationId: organizationId || undefined,
        title: title.trim(),
        startsOn,
        termMonths: termMonths === '' ? undefined : termMonths,
        billingPeriodMonths: billingPeriodMonths ? Number(billingPeriodMonths) : undefined,
        autoRenew,
        noticeDays: noticeDays === '' ? undefined : noticeDays,
        lines: lines.map(lineInput),
        buyerReference: buyerReference.trim() || undefined,
        billingContacts: parseContacts(contacts),
        purchaseOrderRequired: required,
      }),
    });
    navigate(`/agreements/${created.id}`);
  });

  return (
    <Page title="New agreement">
      <p>
        For an agreement signed without a quote. A quote the buyer accepts becomes an agreement by
        itself.
      </p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} />
        <SelectField
          label="Sponsor"
          value={organizationId}
          onChange={setOrganizationId}
          options={[
            { value: '', label: 'Choose an organization' },
            ...organizations.data.organizations.map((o) => ({ value: o.id, label: o.legalName })),
          ]}
          error={form.error('organizationId')}
        />
        <TextField label="Title" value={title} onChange={setTitle} error={form.error('title')} />
        <TextField
          label="Starts on"
          type="date"
          value={startsOn}
          onChange={setStartsOn}
          error={form.error('startsOn')}
        />
        <NumberField
          label="Term, in months"
          value={termMonths}
          onChange={setTermMonths}
          error={form.error('termMonths')}
        />
        <SelectField
          label="Billing period"
          value={billingPeriodMonths}
          onChange={setBillingPeriodMonths}
          options={[
            { value: '', label: 'The tiers’ period (12 months with custom lines only)' },
            { value: '1', label: 'Every month' },
            { value: '3', label: 'Every 3 months' },
            { value: '6', label: 'Every 6 months' },
            { value: '12', label: 'Every 12 months' },
          ]}
          error={form.error('billingPeriodMonths')}
        />
        <CheckboxField
          label="Renews by itself unless cancelled"
          checked={autoRenew}
          onChange={setAutoRenew}
        />
        <NumberField
          label="Notice period, in days"
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
          label="Buyer’s reference"
          value={buyerReference}
          onChange={setBuyerReference}
          error={form.error('buyerReference')}
        />
        <TextAreaField
          label="Billing contacts"
          hint="One a line: Name <address@example.com>"
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
          label="Invoices need a purchase order in force"
          checked={required}
          onChange={setRequired}
        />
        <SubmitButton busy={form.busy}>Record the agreement</SubmitButton>
      </form>
    </Page>
  );
}
