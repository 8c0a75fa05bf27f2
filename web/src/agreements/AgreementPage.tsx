import { useEffect, useState } from 'react';
import { api, asEntered } from '../api/client.ts';
import { formatDate } from '../app/format.ts';
import { localProblem } from '../app/api.ts';
import {
  CheckboxField,
  FormProblem,
  NumberField,
  Status,
  SubmitButton,
  TextAreaField,
  TextField,
  useForm,
} from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { LinesTable } from './LinesTable.tsx';
import { agreementStatusLabels, type AgreementDetail } from './types.ts';
import { parseContacts } from './contacts.ts';

export function AgreementPage({ id }: { id: string }) {
  const user = useUser();
  const result = useQuery('/api/agreements/{id}', { params: { path: { id } } });
  const a = result.data;
  return (
    <Page title={a ? `Agreement ${a.number}` : 'Agreement'}>
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!a && !result.error ? <Loading /> : null}
      {a ? (
        <>
          <section className="card" aria-labelledby="agreement-about">
            <h2 id="agreement-about">{a.title}</h2>
            <dl className="details">
              <dt>Sponsor</dt>
              <dd>{a.organizationName}</dd>
              <dt>State</dt>
              <dd>
                {agreementStatusLabels[a.status]}
                {a.endsOn ? `, serving until ${formatDate(a.endsOn)}` : ''}
              </dd>
              <dt>Current term</dt>
              <dd>
                {formatDate(a.currentTermStartsOn)} to {formatDate(a.currentTermEndsOn)} (
                {a.termMonths} months)
              </dd>
              <dt>Renewal</dt>
              <dd>
                {a.autoRenew
                  ? `Automatic, unless cancelled ${a.noticeDays} days before the term ends`
                  : 'Ends with its term'}
                ; notices {a.renewalNoticeDays.join(' and ')} days before
              </dd>
              <dt>Each billing period ({a.billingPeriodMonths} months)</dt>
              <dd>
                {a.currency} {a.perPeriod}
              </dd>
              <dt>Buyer’s reference</dt>
              <dd>{a.buyerReference ?? '—'}</dd>
              <dt>Billing contacts</dt>
              <dd>{a.billingContacts.map((c) => `${c.name} <${c.email}>`).join(', ') || '—'}</dd>
              <dt>Next invoice against the purchase orders</dt>
              <dd>
                {a.nextInvoiceStanding.standing === 'ok'
                  ? 'Fine'
                  : a.nextInvoiceStanding.standing === 'warn'
                    ? 'Fine, with a warning'
                    : 'Blocked'}
                {a.nextInvoiceStanding.reasons.length > 0
                  ? `: ${a.nextInvoiceStanding.reasons.join(' ')}`
                  : ''}
              </dd>
            </dl>
            {a.documentVersionId ? (
              <p>
                <a href={`/api/documents/${a.documentVersionId}/pdf`}>The document signed</a>
              </p>
            ) : null}
          </section>
          <LinesTable lines={a.lines} currency={a.currency} caption="Lines (as signed)" />
          <PurchaseOrders agreement={a} manage={user.can.manageAgreements} reload={result.reload} />
          {user.can.manageAgreements && a.status === 'active' ? (
            <>
              <Administration agreement={a} reload={result.reload} />
              <Cancel agreement={a} reload={result.reload} />
            </>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

function PurchaseOrders({
  agreement,
  manage,
  reload,
}: {
  agreement: AgreementDetail;
  manage: boolean;
  reload: () => void;
}) {
  const form = useForm();
  const [number, setNumber] = useState('');
  const [amount, setAmount] = useState('');
  const [validFrom, setValidFrom] = useState(agreement.currentTermStartsOn);
  const [validUntil, setValidUntil] = useState(agreement.currentTermEndsOn);
  const onSubmit = form.submit(async () => {
    await api.post('/api/agreements/{id}/purchase-orders', {
      params: { path: { id: agreement.id } },
      body: asEntered({ number: number.trim(), amount: amount.trim(), validFrom, validUntil }),
    });
    setNumber('');
    setAmount('');
    reload();
  });
  return (
    <section className="card" aria-labelledby="agreement-pos">
      <h2 id="agreement-pos">Purchase orders</h2>
      {agreement.purchaseOrders.length === 0 ? <p className="muted">None recorded.</p> : null}
      {agreement.purchaseOrders.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">Purchase orders</caption>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col" className="num">
                Remaining
              </th>
              <th scope="col">Valid</th>
            </tr>
          </thead>
          <tbody>
            {agreement.purchaseOrders.map((po) => (
              <tr key={po.id}>
                <td data-label="Number">{po.number}</td>
                <td data-label="Amount" className="num">
                  {agreement.currency} {po.amount}
                </td>
                <td data-label="Remaining" className="num">
                  {agreement.currency} {po.remaining}
                </td>
                <td data-label="Valid">
                  {formatDate(po.validFrom)} to {formatDate(po.validUntil)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {manage ? (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
          <h3>Record a purchase order</h3>
          <FormProblem
            problem={form.problem}
            fields={['number', 'amount', 'validFrom', 'validUntil']}
          />
          <TextField
            label="PO number"
            value={number}
            onChange={setNumber}
            error={form.error('number')}
          />
          <TextField
            label={`Amount (${agreement.currency})`}
            inputMode="decimal"
            value={amount}
            onChange={setAmount}
            error={form.error('amount')}
          />
          <TextField
            label="Valid from"
            type="date"
            value={validFrom}
            onChange={setValidFrom}
            error={form.error('validFrom')}
          />
          <TextField
            label="Valid until"
            type="date"
            value={validUntil}
            onChange={setValidUntil}
            error={form.error('validUntil')}
          />
          <SubmitButton busy={form.busy}>Record the purchase order</SubmitButton>
        </form>
      ) : null}
    </section>
  );
}

/** "Name <email>" per line: the billing contacts as a person writes them. */
function Administration({ agreement, reload }: { agreement: AgreementDetail; reload: () => void }) {
  const form = useForm();
  const [buyerReference, setBuyerReference] = useState(agreement.buyerReference ?? '');
  const [contacts, setContacts] = useState(
    agreement.billingContacts.map((c) => `${c.name} <${c.email}>`).join('\n'),
  );
  const [required, setRequired] = useState(agreement.purchaseOrderRequired);
  const [autoRenew, setAutoRenew] = useState(agreement.autoRenew);
  const [noticeDays, setNoticeDays] = useState<number | ''>(agreement.noticeDays);
  const [serving, setServing] = useState<string[]>(agreement.servingHackerIds);
  const hackers = useQuery('/api/members', {
    params: { query: { class: 'hacker', status: 'active', limit: 500 } },
  });
  const [saved, setSaved] = useState(false);
  useEffect(
    () => setSaved(false),
    [buyerReference, contacts, required, autoRenew, noticeDays, serving],
  );
  const onSubmit = form.submit(async () => {
    await api.patch('/api/agreements/{id}', {
      params: { path: { id: agreement.id } },
      body: asEntered({
        buyerReference: buyerReference.trim() || null,
        billingContacts: parseContacts(contacts),
        purchaseOrderRequired: required,
        autoRenew,
        noticeDays: noticeDays === '' ? undefined : noticeDays,
        servingHackerIds: serving,
      }),
    });
    setSaved(true);
    reload();
  });
  return (
    <section className="card" aria-labelledby="agreement-admin">
      <h2 id="agreement-admin">Billing and renewal</h2>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} />
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
          error={form.error('billingContacts') ?? form.error('billingContacts.0.email')}
        />
        <CheckboxField
          label="Invoices need a purchase order in force"
          checked={required}
          onChange={setRequired}
        />
        <CheckboxField label="Renews by itself" checked={autoRenew} onChange={setAutoRenew} />
        <NumberField
          label="Notice period, in days"
          value={noticeDays}
          onChange={setNoticeDays}
          error={form.error('noticeDays')}
        />
        {hackers.data ? (
          <fieldset className="fieldset">
            <legend>Hackers serving this sponsor</legend>
            {hackers.data.members.map((h) => (
              <CheckboxField
                key={h.personId}
                label={h.displayName}
                checked={serving.includes(h.personId)}
                onChange={(on) =>
                  setServing((old) =>
                    on ? [...old, h.personId] : old.filter((id) => id !== h.personId),
                  )
                }
              />
            ))}
          </fieldset>
        ) : null}
        <SubmitButton busy={form.busy}>Save</SubmitButton>
      </form>
      <Status message={saved ? 'Saved.' : null} />
    </section>
  );
}

function Cancel({ agreement, reload }: { agreement: AgreementDetail; reload: () => void }) {
  const form = useForm();
  const [reason, setReason] = useState('');
  const onSubmit = form.submit(async () => {
    if (!reason.trim()) throw localProblem('Say why.', { reason: 'give the reason' });
    await api.post('/api/agreements/{id}/cancel', {
      params: { path: { id: agreement.id } },
      body: { reason: reason.trim() },
    });
    reload();
  });
  return (
    <section className="card" aria-labelledby="agreement-cancel">
      <h2 id="agreement-cancel">Cancel the agreement</h2>
      <p>
        It serves to the end of the term the notice still reaches
        {agreement.autoRenew
          ? ` (notice ${agreement.noticeDays} days before ${formatDate(agreement.currentTermEndsOn)})`
          : ''}
        , and never renews.
      </p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={['reason']} />
        <TextAreaField
          label="Reason"
          value={reason}
          onChange={setReason}
          error={form.error('reason')}
        />
        <SubmitButton busy={form.busy} className="button danger">
          Cancel the agreement
        </SubmitButton>
      </form>
    </section>
  );
}
