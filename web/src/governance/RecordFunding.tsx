import { useState } from 'react';
import { api } from '../api/client.ts';
import { localProblem } from '../app/api.ts';
import { formatMoney } from '../app/money.ts';
import {
  FormProblem,
  NumberField,
  SelectField,
  Status,
  SubmitButton,
  TextField,
  useForm,
} from '../app/forms.tsx';
import { useSession } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';

import { toDateInput } from './labels.ts';

function fractionDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en-GB', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** "1234.5" in a currency with 2 decimals -> "123450"; undefined when it is not an amount. */
export function toMinorUnits(text: string, currency: string): string | undefined {
  const digits = fractionDigits(currency);
  const clean = text.trim().replace(/[\s,_]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(clean);
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return undefined;
  const minor = `${match[1]}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  return minor.length > 15 ? undefined : minor;
}

const fields = ['organizationId', 'receivedOn', 'amountMinor', 'labourHours', 'note'];

/** Money or labour received from a sponsor: what weights its points in the sponsor vote. */
export function RecordFunding() {
  const { session } = useSession();
  const currency = session.coop?.currency ?? 'EUR';
  const organizations = useQuery('/api/organizations');
  const sponsors = (organizations.data?.organizations ?? []).filter(
    (o) => o.memberClass === 'sponsor',
  );
  const form = useForm();
  const [organizationId, setOrganizationId] = useState('');
  const [receivedOn, setReceivedOn] = useState(() => toDateInput(new Date()));
  const [amount, setAmount] = useState('');
  const [labour, setLabour] = useState<number | ''>(0);
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const onSubmit = form.submit(async () => {
    setMessage(null);
    const local: Record<string, string> = {};
    if (!organizationId) local.organizationId = 'choose an organization';
    const minor = amount.trim() === '' ? '0' : toMinorUnits(amount, currency);
    if (minor === undefined) local.amountMinor = `an amount in ${currency}, such as 1500.00`;
    if (Object.keys(local).length > 0) throw localProblem('Please check the form.', local);
    await api.post('/api/funding', {
      body: {
        organizationId,
        receivedOn,
        amountMinor: minor,
        labourHours: labour === '' ? 0 : labour,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
    });
    const name = sponsors.find((s) => s.id === organizationId)?.displayName ?? 'the organization';
    setMessage(
      `Recorded ${formatMoney(minor ?? 0, currency)}${labour ? ` and ${labour} hours of labour` : ''} from ${name}.`,
    );
    setAmount('');
    setLabour(0);
    setNote('');
  });

  return (
    <section aria-labelledby="funding-heading" className="card">
      <h2 id="funding-heading">Record funding</h2>
      <p className="muted">
        A sponsor’s points count in proportion to the money and valued labour it gave over the
        bylaws’ trailing window.
      </p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={fields} />
        <div className="field-row">
          <SelectField
            label="Sponsor"
            value={organizationId}
            onChange={setOrganizationId}
            options={[
              { value: '', label: 'Choose an organization…' },
              ...sponsors.map((o) => ({ value: o.id, label: o.displayName })),
            ]}
            className="grow"
            error={form.error('organizationId')}
          />
          <TextField
            label="Received on"
            type="date"
            value={receivedOn}
            onChange={setReceivedOn}
            error={form.error('receivedOn')}
          />
        </div>
        <div className="field-row">
          <TextField
            label={`Amount (${currency})`}
            inputMode="decimal"
            value={amount}
            onChange={setAmount}
            autoComplete="off"
            className="grow"
            error={form.error('amountMinor')}
          />
          <NumberField
            label="Labour hours"
            value={labour}
            onChange={setLabour}
            min={0}
            className="narrow"
            error={form.error('labourHours')}
          />
        </div>
        <TextField
          label="Note (optional)"
          value={note}
          onChange={setNote}
          autoComplete="off"
          error={form.error('note')}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy}>Record funding</SubmitButton>
        </div>
      </form>
      <Status message={message} />
    </section>
  );
}
