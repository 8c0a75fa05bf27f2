import { useEffect, useState } from 'react';
import {
  agreementPatchSchema,
  cancellationSchema,
  purchaseOrderInputSchema,
} from '../../../src/agreements/agreementChangesInput.ts';
import { api } from '../api/client.ts';
import { formatDate } from '../app/format.ts';
import {
  CheckboxField,
  FormProblem,
  NumberField,
  Status,
  SubmitButton,
  TextAreaField,
  TextField,
} from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { LinesTable } from './LinesTable.tsx';
import { agreementStatusLabel, type AgreementDetail } from './types.ts';
import { enteredAmountProblem, enteredDecimal, formatDecimal } from '../app/money.ts';
import { parseContacts } from './contacts.ts';
import { t } from './messages.ts';
import { DateField } from '../app/DateField.tsx';

export function AgreementPage({ id }: { id: string }) {
  const user = useUser();
  const result = useQuery('/api/agreements/{id}', { params: { path: { id } } });
  const a = result.data;
  return (
    <Page title={a ? t('agreement.titleNumber', { number: a.number }) : t('agreement.title')}>
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!a && !result.error ? <Loading /> : null}
      {a ? (
        <>
          <section className="card" aria-labelledby="agreement-about">
            <h2 id="agreement-about">{a.title}</h2>
            <dl className="details">
              <dt>{t('agreement.sponsor')}</dt>
              <dd>{a.organizationName}</dd>
              <dt>{t('agreement.state')}</dt>
              <dd>
                {agreementStatusLabel(a.status)}
                {a.endsOn ? t('agreement.servingUntil', { day: formatDate(a.endsOn) }) : ''}
              </dd>
              <dt>{t('agreement.currentTerm')}</dt>
              <dd>
                {t('agreement.termRange', {
                  from: formatDate(a.currentTermStartsOn),
                  to: formatDate(a.currentTermEndsOn),
                  count: a.termMonths,
                })}
              </dd>
              <dt>{t('agreement.renewal')}</dt>
              <dd>
                {a.autoRenew
                  ? t('agreement.automatic', { days: a.noticeDays })
                  : t('agreement.endsWithTerm')}
                {t('agreement.notices', { days: a.renewalNoticeDays.join(t('agreement.and')) })}
              </dd>
              <dt>{t('agreement.eachPeriod', { months: a.billingPeriodMonths })}</dt>
              <dd>{formatDecimal(a.perPeriod, a.currency)}</dd>
              <dt>{t('agreement.buyerReference')}</dt>
              <dd>{a.buyerReference ?? '—'}</dd>
              <dt>{t('agreement.contacts')}</dt>
              <dd>{a.billingContacts.map((c) => `${c.name} <${c.email}>`).join(', ') || '—'}</dd>
              <dt>{t('agreement.nextInvoice')}</dt>
              <dd>
                {a.nextInvoiceStanding.standing === 'ok'
                  ? t('agreement.fine')
                  : a.nextInvoiceStanding.standing === 'warn'
                    ? t('agreement.warn')
                    : t('agreement.blocked')}
                {a.nextInvoiceStanding.reasons.length > 0
                  ? `: ${a.nextInvoiceStanding.reasons.join(' ')}`
                  : ''}
              </dd>
            </dl>
            {a.documentVersionId ? (
              <p>
                <a href={`/api/documents/${a.documentVersionId}/pdf`}>{t('agreement.signed')}</a>
              </p>
            ) : null}
          </section>
          <LinesTable lines={a.lines} currency={a.currency} caption={t('lines.captionSigned')} />
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
  const form = useZodForm(purchaseOrderInputSchema);
  const [number, setNumber] = useState('');
  const [amount, setAmount] = useState('');
  const [validFrom, setValidFrom] = useState(agreement.currentTermStartsOn);
  const [validUntil, setValidUntil] = useState(agreement.currentTermEndsOn);
  const onSubmit = form.submitValid(
    // The amount as typed in the member's notation (12,50 in German), sent as the route's decimal.
    () => ({ number, amount: enteredDecimal(amount, agreement.currency), validFrom, validUntil }),
    async (input) => {
      await api.post('/api/agreements/{id}/purchase-orders', {
        params: { path: { id: agreement.id } },
        body: input,
      });
      setNumber('');
      setAmount('');
      reload();
    },
    (): Record<string, string> => {
      const problem = enteredAmountProblem(amount, agreement.currency);
      return problem ? { amount: problem } : {};
    },
  );
  return (
    <section className="card" aria-labelledby="agreement-pos">
      <h2 id="agreement-pos">{t('purchaseOrders.title')}</h2>
      {agreement.purchaseOrders.length === 0 ? (
        <p className="muted">{t('purchaseOrders.none')}</p>
      ) : null}
      {agreement.purchaseOrders.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('purchaseOrders.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('purchaseOrders.number')}</th>
              <th scope="col" className="num">
                {t('purchaseOrders.amount')}
              </th>
              <th scope="col" className="num">
                {t('purchaseOrders.remaining')}
              </th>
              <th scope="col">{t('purchaseOrders.valid')}</th>
            </tr>
          </thead>
          <tbody>
            {agreement.purchaseOrders.map((po) => (
              <tr key={po.id}>
                <td data-label={t('purchaseOrders.number')}>{po.number}</td>
                <td data-label={t('purchaseOrders.amount')} className="num">
                  {formatDecimal(po.amount, agreement.currency)}
                </td>
                <td data-label={t('purchaseOrders.remaining')} className="num">
                  {formatDecimal(po.remaining, agreement.currency)}
                </td>
                <td data-label={t('purchaseOrders.valid')}>
                  {t('purchaseOrders.range', {
                    from: formatDate(po.validFrom),
                    to: formatDate(po.validUntil),
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {manage ? (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
          <h3>{t('purchaseOrders.record')}</h3>
          <FormProblem
            problem={form.problem}
            fields={['number', 'amount', 'validFrom', 'validUntil']}
          />
          <TextField
            label={t('purchaseOrders.poNumber')}
            value={number}
            onChange={setNumber}
            error={form.error('number')}
          />
          <TextField
            label={t('purchaseOrders.amountIn', { currency: agreement.currency })}
            inputMode="decimal"
            value={amount}
            onChange={setAmount}
            error={form.error('amount')}
          />
          <DateField
            label={t('purchaseOrders.validFrom')}
            value={validFrom}
            onChange={setValidFrom}
            error={form.error('validFrom')}
          />
          <DateField
            label={t('purchaseOrders.validUntil')}
            value={validUntil}
            onChange={setValidUntil}
            error={form.error('validUntil')}
          />
          <SubmitButton busy={form.busy}>{t('purchaseOrders.submit')}</SubmitButton>
        </form>
      ) : null}
    </section>
  );
}

/** "Name <email>" per line: the billing contacts as a person writes them. */
function Administration({ agreement, reload }: { agreement: AgreementDetail; reload: () => void }) {
  const form = useZodForm(agreementPatchSchema);
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
  const onSubmit = form.submitValid(
    () => ({
      buyerReference: buyerReference.trim() || null,
      billingContacts: parseContacts(contacts),
      purchaseOrderRequired: required,
      autoRenew,
      noticeDays: noticeDays === '' ? undefined : noticeDays,
      servingHackerIds: serving,
    }),
    async (input) => {
      await api.patch('/api/agreements/{id}', {
        params: { path: { id: agreement.id } },
        body: input,
      });
      setSaved(true);
      reload();
    },
  );
  // A contact's address that is none, on whichever line it stands.
  const contactsError =
    form.error('billingContacts') ??
    Object.entries(form.problem?.fieldErrors ?? {}).find(([k]) =>
      k.startsWith('billingContacts.'),
    )?.[1];
  return (
    <section className="card" aria-labelledby="agreement-admin">
      <h2 id="agreement-admin">{t('administration.title')}</h2>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} />
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
          error={contactsError}
        />
        <CheckboxField
          label={t('newAgreement.poRequired')}
          checked={required}
          onChange={setRequired}
        />
        <CheckboxField
          label={t('administration.renews')}
          checked={autoRenew}
          onChange={setAutoRenew}
        />
        <NumberField
          label={t('newAgreement.notice')}
          value={noticeDays}
          onChange={setNoticeDays}
          error={form.error('noticeDays')}
        />
        {hackers.data ? (
          <fieldset className="fieldset">
            <legend>{t('administration.serving')}</legend>
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
        <SubmitButton busy={form.busy} className="button">
          {t('administration.save')}
        </SubmitButton>
      </form>
      <Status message={saved ? t('administration.saved') : null} />
    </section>
  );
}

function Cancel({ agreement, reload }: { agreement: AgreementDetail; reload: () => void }) {
  const form = useZodForm(cancellationSchema);
  const [reason, setReason] = useState('');
  const onSubmit = form.submitValid(
    () => ({ reason }),
    async (input) => {
      await api.post('/api/agreements/{id}/cancel', {
        params: { path: { id: agreement.id } },
        body: input,
      });
      reload();
    },
  );
  return (
    <section className="card" aria-labelledby="agreement-cancel">
      <h2 id="agreement-cancel">{t('cancel.title')}</h2>
      <p>
        {agreement.autoRenew
          ? t('cancel.explainNotice', {
              days: agreement.noticeDays,
              day: formatDate(agreement.currentTermEndsOn),
            })
          : t('cancel.explain')}
      </p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={['reason']} />
        <TextAreaField
          label={t('cancel.reason')}
          value={reason}
          onChange={setReason}
          error={form.error('reason')}
        />
        <SubmitButton busy={form.busy} className="button danger">
          {t('cancel.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}
