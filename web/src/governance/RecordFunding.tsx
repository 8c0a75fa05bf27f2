import { useState } from 'react';
import { api } from '../api/client.ts';
import { amountHint, formatMoney, parseDecimal } from '../app/money.ts';
import {
  FormProblem,
  NumberField,
  SelectField,
  Status,
  SubmitButton,
  TextField,
} from '../app/forms.tsx';
import { useSession } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { fundingInputSchema } from '../../../src/governance/fundingInput.ts';
import { toDateInput } from './labels.ts';
import { t } from './messages.ts';
import { DateField } from '../app/DateField.tsx';

const fields = ['organizationId', 'receivedOn', 'amountMinor', 'labourHours', 'note'];

/** Money or labour received from a sponsor: what weights its points in the sponsor vote. */
export function RecordFunding() {
  const { session } = useSession();
  const currency = session.coop?.currency ?? 'EUR';
  const organizations = useQuery('/api/organizations');
  const sponsors = (organizations.data?.organizations ?? []).filter(
    (o) => o.memberClass === 'sponsor',
  );
  const form = useZodForm(fundingInputSchema);
  const [organizationId, setOrganizationId] = useState('');
  const [receivedOn, setReceivedOn] = useState(() => toDateInput(new Date()));
  const [amount, setAmount] = useState('');
  const [labour, setLabour] = useState<number | ''>(0);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  // The member types the amount in their own notation ("1.500,00" in German); the form turns it
  // into the route's minor units, so a sum it cannot read is the form's to word.
  const amountMinor = () => {
    const parsed = amount.trim() === '' ? 0n : parseDecimal(amount, currency);
    return parsed === undefined || parsed > 999_999_999_999_999n ? undefined : String(parsed);
  };
  const localChecks = (): Record<string, string> =>
    amountMinor() === undefined ? { amountMinor: amountHint(currency) } : {};
  // An organization not chosen yet is missing, as the route words it ("required").
  const values = () => ({
    organizationId: organizationId || undefined,
    receivedOn,
    amountMinor: amountMinor() ?? amount,
    labourHours: labour === '' ? 0 : labour,
    note: note.trim(),
  });

  const onSubmit = form.submitValid(
    () => {
      setMessage(null);
      return values();
    },
    async (input) => {
      await api.post('/api/funding', {
        // Minor units travel as a string of digits; the form sets no other currency.
        body: {
          organizationId: input.organizationId,
          receivedOn: input.receivedOn,
          amountMinor: String(input.amountMinor),
          labourHours: input.labourHours,
          note: input.note,
        },
      });
      const name =
        sponsors.find((s) => s.id === organizationId)?.displayName ?? t('funding.theOrganization');
      const recorded = formatMoney(input.amountMinor, currency);
      setMessage(
        labour
          ? t('funding.recordedLabour', { amount: recorded, hours: labour, name })
          : t('funding.recorded', { amount: recorded, name }),
      );
      setAmount('');
      setLabour(0);
      setNote('');
    },
    localChecks,
  );

  return (
    <section aria-labelledby="funding-heading" className="card">
      <h2 id="funding-heading">{t('funding.title')}</h2>
      <p className="muted">{t('funding.intro')}</p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={fields} />
        <div className="field-row">
          <SelectField
            label={t('funding.sponsor')}
            value={organizationId}
            onChange={setOrganizationId}
            options={[
              { value: '', label: t('funding.chooseOption') },
              ...sponsors.map((o) => ({ value: o.id, label: o.displayName })),
            ]}
            className="grow"
            error={form.error('organizationId')}
          />
          <DateField
            label={t('funding.receivedOn')}
            value={receivedOn}
            onChange={setReceivedOn}
            error={form.error('receivedOn')}
          />
        </div>
        <div className="field-row">
          <TextField
            label={t('funding.amount', { currency })}
            inputMode="decimal"
            value={amount}
            onChange={setAmount}
            autoComplete="off"
            className="grow"
            error={form.error('amountMinor')}
          />
          <NumberField
            label={t('funding.labour')}
            value={labour}
            onChange={setLabour}
            min={0}
            className="narrow"
            error={form.error('labourHours')}
          />
        </div>
        <TextField
          label={t('funding.note')}
          value={note}
          onChange={setNote}
          autoComplete="off"
          error={form.error('note')}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy} className="button">
            {t('funding.submit')}
          </SubmitButton>
        </div>
      </form>
      <Status message={message} />
    </section>
  );
}
