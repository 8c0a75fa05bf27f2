import { useState } from 'react';
import { CoopAmountField } from '../finance/CoopAmountField.tsx';
import { Link } from 'wouter';
import { coopAmountMissing } from '../../../src/finance/coopAmountRule.ts';
import { finalizeInputSchema, invoicePaymentSchema } from '../../../src/invoicing/stepsInput.ts';
import { api } from '../api/client.ts';
import { refusalFieldErrors } from '../app/api.ts';
import { ConfirmAction } from '../app/ConfirmAction.tsx';
import { formatDate, formatDateTime } from '../app/format.ts';
import { FormProblem, Status, SubmitButton, TextField, useForm } from '../app/forms.tsx';
import { Loading, LoadError } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import {
  enteredDecimal,
  enteredNumber,
  enteredNumberProblem,
  enteredPositiveProblem,
  formatDecimal,
} from '../app/money.ts';
import { useZodForm } from '../app/zodForm.ts';
import { figure, InvoicesPage, statusLabel, vatCategoryLabel } from './InvoicesPage.tsx';
import { t } from './messages.ts';
import { InLog } from '../transparency/InLog.tsx';
import { DateField } from '../app/DateField.tsx';

const sendFormatLabels = { ubl: 'UBL', xrechnung: 'XRechnung', cii: 'CII' } as const;

// Built when rendered: a module-level list would keep the language it was first read in.
function formats() {
  return [
    { format: 'pdf', label: 'PDF' },
    { format: 'facturx', label: t('invoice.facturx') },
    { format: 'ubl', label: t('invoice.ubl') },
    { format: 'xrechnung', label: 'XRechnung' },
    { format: 'cii', label: 'CII' },
  ];
}

/** One invoice: the document, its downloads, what settled it, and what an officer may do. */
export function InvoicePage({ id }: { id: string }) {
  const user = useUser();
  const { session } = useSession();
  const result = useQuery('/api/invoices/{id}', { params: { path: { id } } });
  const invoice = result.data;
  const issuer = user.can.issueInvoices;
  const [message, setMessage] = useState('');
  const coopCurrency = session.coop?.currency ?? 'EUR';
  const finalizeForm = useZodForm(finalizeInputSchema);
  const paymentForm = useZodForm(invoicePaymentSchema);
  const disputeForm = useForm();
  const [amount, setAmount] = useState('');
  const [coopAmount, setCoopAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState(new Date().toISOString().slice(0, 10));
  const [rate, setRate] = useState('');

  if (!invoice)
    return (
      <InvoicesPage title={t('invoice.invoice')}>
        {result.error ? <LoadError error={result.error} retry={result.reload} /> : <Loading />}
      </InvoicesPage>
    );

  const number = invoice.number ?? t('invoice.draft');
  const title =
    invoice.kind === 'credit-note'
      ? t('invoice.titleCreditNote', { number })
      : t('invoice.titleInvoice', { number });
  const money = (decimal: string) => formatDecimal(decimal, invoice.currency);
  const foreign = invoice.currency !== coopCurrency;
  // The rate is typed in the member's notation (0,92 in German) and sent as the route's decimal;
  // a rate left empty goes out as none (the command asks for it on a foreign invoice).
  const finalize = finalizeForm.submitValid(
    () => (rate.trim() ? { exchangeRate: { rate: enteredNumber(rate), source: 'entered' } } : {}),
    async (body) => {
      await api.post('/api/invoices/{id}/finalize', { params: { path: { id } }, body });
      setMessage(t('invoice.finalised'));
      result.reload();
    },
    (): Record<string, string> => {
      const unread = enteredNumberProblem(rate, '0.9215');
      return unread ? { 'exchangeRate.rate': unread } : {};
    },
  );
  // Amounts typed in the member's notation, sent as the route's decimals; an amount left empty
  // goes out as missing ("required"). A foreign invoice's payment without what arrived in the
  // co-op's currency is the command's refusal, made here by its own rule before sending.
  const arrived = () => (foreign ? coopAmount.trim() : '');
  const pay = paymentForm.submitValid(
    () => ({
      amount: amount.trim() ? enteredDecimal(amount, invoice.currency) : undefined,
      receivedOn,
      ...(arrived() ? { coopAmount: enteredDecimal(arrived(), coopCurrency) } : {}),
    }),
    async (body) => {
      await api.post('/api/invoices/{id}/payments', { params: { path: { id } }, body });
      setAmount('');
      setCoopAmount('');
      setMessage(t('invoice.paymentRecorded'));
      result.reload();
    },
    () => {
      const errors: Record<string, string> = {};
      const unreadAmount = enteredPositiveProblem(amount, invoice.currency);
      if (unreadAmount) errors.amount = unreadAmount;
      const unreadArrived = enteredPositiveProblem(arrived(), coopCurrency);
      const missing = coopAmountMissing('invoice', {
        currency: invoice.currency,
        coopCurrency,
        coopAmount: arrived() || undefined,
      });
      if (unreadArrived) errors.coopAmount = unreadArrived;
      else if (missing) Object.assign(errors, refusalFieldErrors(missing));
      return errors;
    },
  );
  const dispute = disputeForm.submit(async () => {
    await api.post('/api/invoices/{id}/dispute', {
      params: { path: { id } },
      body: { disputed: !invoice.disputed, reason: '' },
    });
    setMessage(invoice.disputed ? t('invoice.disputeOver') : t('invoice.markedDisputed'));
    result.reload();
  });

  return (
    <InvoicesPage title={title}>
      <Status message={message} />
      <section aria-labelledby="summary-heading" className="card">
        <h2 id="summary-heading">{t('invoice.summary')}</h2>
        <dl className="facts">
          <dt>{t('invoice.state')}</dt>
          <dd>
            {statusLabel(invoice.status)}
            {invoice.overdue ? t('flags.overdue') : ''}
            {invoice.disputed ? t('flags.disputed') : ''}
          </dd>
          {invoice.heldReason ? (
            <>
              <dt>{t('invoice.held')}</dt>
              <dd>{t('invoice.heldUntil', { reason: invoice.heldReason })}</dd>
            </>
          ) : null}
          <dt>{t('invoice.buyer')}</dt>
          <dd>{invoice.organization.name}</dd>
          <dt>{t('invoice.issued')}</dt>
          <dd>{formatDate(invoice.issueDate) || t('invoice.whenFinalised')}</dd>
          <dt>{t('invoice.due')}</dt>
          <dd>{formatDate(invoice.dueDate) || t('invoice.byTerms')}</dd>
          {invoice.period ? (
            <>
              <dt>{t('invoice.period')}</dt>
              <dd>
                {t('invoice.periodRange', {
                  start: formatDate(invoice.period.start),
                  end: formatDate(invoice.period.end),
                })}
              </dd>
            </>
          ) : null}
          {invoice.purchaseOrder ? (
            <>
              <dt>{t('invoice.purchaseOrder')}</dt>
              <dd>{invoice.purchaseOrder}</dd>
            </>
          ) : null}
          {invoice.buyerReference ? (
            <>
              <dt>{t('invoice.buyerReference')}</dt>
              <dd>{invoice.buyerReference}</dd>
            </>
          ) : null}
          {invoice.creditorReference ? (
            <>
              <dt>{t('invoice.creditorReference')}</dt>
              <dd>{invoice.creditorReference}</dd>
            </>
          ) : null}
          {invoice.creditedInvoice ? (
            <>
              <dt>{t('invoice.credits')}</dt>
              <dd>
                <Link href={`/invoices/${invoice.creditedInvoice.id}`}>
                  {invoice.creditedInvoice.number}
                </Link>
              </dd>
            </>
          ) : null}
          <dt>{t('invoice.total')}</dt>
          <dd>{money(invoice.grossTotal)}</dd>
          {invoice.kind === 'invoice' && invoice.due !== null ? (
            <>
              <dt>{t('invoice.open')}</dt>
              <dd>{money(invoice.due)}</dd>
            </>
          ) : null}
        </dl>
        {invoice.number ? (
          <ul className="inline-list" aria-label={t('invoice.downloads')}>
            {formats().map((f) => (
              <li key={f.format}>
                <a href={`/api/invoices/${id}/document?format=${f.format}`} download>
                  {f.label}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {invoice.number ? (
          <InLog subjectType="invoice" subjectId={id} eventType="invoice.finalized" />
        ) : null}
      </section>

      <section aria-labelledby="lines-heading" className="card">
        <h2 id="lines-heading">{t('invoice.lines')}</h2>
        <table className="responsive-table">
          <caption className="visually-hidden">{t('invoice.linesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.description')}</th>
              <th scope="col" className="num">
                {t('columns.quantity')}
              </th>
              <th scope="col" className="num">
                {t('columns.unitPrice')}
              </th>
              <th scope="col">{t('columns.vat')}</th>
              <th scope="col" className="num">
                {t('columns.net')}
              </th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((l, i) => (
              <tr key={i}>
                <td data-label={t('columns.description')}>{l.description}</td>
                <td data-label={t('columns.quantity')} className="num">
                  {figure(l.quantity)}
                </td>
                <td data-label={t('columns.unitPrice')} className="num">
                  {figure(l.unitPrice)}
                </td>
                <td data-label={t('columns.vat')}>
                  {vatCategoryLabel(l.vatCategory)}
                  {l.vatCategory === 'S' ? ` ${figure(l.vatRate)}%` : ''}
                </td>
                <td data-label={t('columns.net')} className="num">
                  {figure(l.net)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="responsive-table">
          <caption>
            {t('invoice.vatBreakdown', {
              rounding:
                invoice.rounding === 'per-line'
                  ? t('invoice.roundedPerLine')
                  : t('invoice.roundedPerRate'),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.category')}</th>
              <th scope="col" className="num">
                {t('columns.taxable')}
              </th>
              <th scope="col" className="num">
                {t('columns.vat')}
              </th>
            </tr>
          </thead>
          <tbody>
            {invoice.vatBreakdown.map((b) => (
              <tr key={`${b.category}-${b.rate}`}>
                <td data-label={t('columns.category')}>
                  {vatCategoryLabel(b.category)} {b.category === 'O' ? '' : `${figure(b.rate)}%`}
                </td>
                <td data-label={t('columns.taxable')} className="num">
                  {figure(b.taxable)}
                </td>
                <td data-label={t('columns.vat')} className="num">
                  {figure(b.tax)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          {t('invoice.totals', { net: figure(invoice.net), tax: figure(invoice.tax) })}
          <strong>{money(invoice.grossTotal)}</strong>
        </p>
      </section>

      {invoice.number && (issuer || invoice.sendings.length > 0) ? (
        <section aria-labelledby="sent-heading" className="card">
          <h2 id="sent-heading">{t('invoice.sent')}</h2>
          {invoice.sendings.length === 0 ? (
            <p>{t('invoice.notSent')}</p>
          ) : (
            <ul>
              {invoice.sendings.map((s, i) => (
                <li key={i}>
                  {t('invoice.sending', {
                    at: formatDateTime(s.sentAt),
                    to: s.to.join(', '),
                    transport: s.transport,
                    format: sendFormatLabels[s.format],
                    status: t(`invoice.sendingStatus.${s.status}`),
                  })}
                  {s.error ? `: ${s.error}` : ''})
                </li>
              ))}
            </ul>
          )}
          {issuer ? (
            <ConfirmAction
              // One filled action per page: sending, until the invoice is sent; then the payment.
              tone={invoice.sendings.length === 0 ? 'primary' : 'secondary'}
              trigger={
                invoice.sendings.length === 0 ? t('invoice.sendToBuyer') : t('invoice.sendAgain')
              }
              title={t('invoice.sendTitle', { number: invoice.number })}
              confirm={t('invoice.sendConfirm')}
              onConfirm={async () => {
                const sent = await api.post('/api/invoices/{id}/send', {
                  params: { path: { id } },
                  body: {},
                });
                result.reload();
                const last = sent.sendings[sent.sendings.length - 1];
                return last
                  ? t('invoice.sentTo', { to: last.to.join(', ') })
                  : t('invoice.sentPlain');
              }}
            >
              <p>
                {invoice.kind === 'credit-note'
                  ? t('invoice.sendExplainCreditNote')
                  : t('invoice.sendExplainInvoice')}
              </p>
            </ConfirmAction>
          ) : null}
        </section>
      ) : null}

      {invoice.settlements.length > 0 ? (
        <section aria-labelledby="settled-heading" className="card">
          <h2 id="settled-heading">{t('invoice.settledBy')}</h2>
          <ul>
            {invoice.settlements.map((s, i) => (
              <li key={i}>
                {formatDate(s.receivedOn)}:{' '}
                {s.kind === 'credit-note'
                  ? t('invoice.settledCreditNote', {
                      number: s.creditNote ?? '',
                      amount: money(s.amount),
                    })
                  : s.kind === 'bank-line'
                    ? t('invoice.settledBank', { amount: money(s.amount) })
                    : t('invoice.settledPayment', { amount: money(s.amount) })}
                {s.entryNumber ? t('invoice.entry', { number: s.entryNumber }) : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {issuer && invoice.status === 'draft' ? (
        <form ref={finalizeForm.formRef} onSubmit={finalize} noValidate className="form card">
          <h2>{t('invoice.finalise')}</h2>
          <p>{t('invoice.finaliseExplain')}</p>
          <FormProblem
            problem={finalizeForm.problem}
            fields={['exchangeRate', 'exchangeRate.rate']}
          />
          <TextField
            label={t('invoice.exchangeRate')}
            hint={t('invoice.exchangeRateHint')}
            inputMode="decimal"
            value={rate}
            onChange={setRate}
            error={finalizeForm.error('exchangeRate.rate') ?? finalizeForm.error('exchangeRate')}
          />
          <div className="form-actions">
            <SubmitButton busy={finalizeForm.busy}>{t('invoice.finaliseButton')}</SubmitButton>
          </div>
        </form>
      ) : null}

      {issuer && invoice.kind === 'invoice' && invoice.status !== 'draft' ? (
        <>
          <form ref={paymentForm.formRef} onSubmit={pay} noValidate className="form card">
            <h2>{t('invoice.recordPayment')}</h2>
            <FormProblem
              problem={paymentForm.problem}
              fields={['amount', 'receivedOn', 'coopAmount']}
            />
            <div className="field-row">
              <DateField
                label={t('invoice.receivedOn')}
                value={receivedOn}
                onChange={setReceivedOn}
                error={paymentForm.error('receivedOn')}
              />
              <TextField
                label={t('invoice.amount', { currency: invoice.currency })}
                inputMode="decimal"
                value={amount}
                onChange={setAmount}
                className="grow"
                error={paymentForm.error('amount')}
              />
              <CoopAmountField
                foreign={foreign}
                label={t('invoice.arrivedIn', { currency: coopCurrency })}
                value={coopAmount}
                onChange={setCoopAmount}
                error={paymentForm.error('coopAmount')}
              />
            </div>
            <div className="form-actions">
              <SubmitButton
                busy={paymentForm.busy}
                className={issuer && invoice.sendings.length === 0 ? 'button' : 'button primary'}
              >
                {t('invoice.recordButton')}
              </SubmitButton>
              <Link href={`/invoices/new?credit=${encodeURIComponent(invoice.number ?? '')}`}>
                {t('invoice.issueCreditNote')}
              </Link>
            </div>
          </form>
          <form ref={disputeForm.formRef} onSubmit={dispute} className="form card">
            <h2>{t('invoice.dispute')}</h2>
            <FormProblem problem={disputeForm.problem} fields={[]} />
            <p>
              {invoice.disputed ? t('invoice.disputedNoReminders') : t('invoice.remindersAtStages')}
            </p>
            <SubmitButton busy={disputeForm.busy} className="button">
              {invoice.disputed ? t('invoice.endDispute') : t('invoice.markDisputed')}
            </SubmitButton>
          </form>
        </>
      ) : null}
    </InvoicesPage>
  );
}
