import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { ConfirmAction } from '../app/ConfirmAction.tsx';
import { formatDate, formatDateTime } from '../app/format.ts';
import { FormProblem, Status, SubmitButton, TextField, useForm } from '../app/forms.tsx';
import { Loading, LoadError } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { InvoicesPage, statusLabels, vatCategoryLabels } from './InvoicesPage.tsx';
import { InLog } from '../transparency/InLog.tsx';

const sendFormatLabels = { ubl: 'UBL', xrechnung: 'XRechnung', cii: 'CII' } as const;
const sendingStatusLabels = {
  queued: 'being sent',
  delivered: 'delivered to the mail server',
  held: 'held: no mail server is configured',
  failed: 'failed',
} as const;

const formats = [
  { format: 'pdf', label: 'PDF' },
  { format: 'facturx', label: 'Factur-X (PDF with CII)' },
  { format: 'ubl', label: 'UBL (Peppol BIS 3)' },
  { format: 'xrechnung', label: 'XRechnung' },
  { format: 'cii', label: 'CII' },
];

/** One invoice: the document, its downloads, what settled it, and what an officer may do. */
export function InvoicePage({ id }: { id: string }) {
  const user = useUser();
  const result = useQuery('/api/invoices/{id}', { params: { path: { id } } });
  const invoice = result.data;
  const issuer = user.can.issueInvoices;
  const [message, setMessage] = useState('');
  const finalizeForm = useForm();
  const paymentForm = useForm();
  const disputeForm = useForm();
  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState(new Date().toISOString().slice(0, 10));
  const [rate, setRate] = useState('');

  if (!invoice)
    return (
      <InvoicesPage title="Invoice">
        {result.error ? <LoadError error={result.error} retry={result.reload} /> : <Loading />}
      </InvoicesPage>
    );

  const title = `${invoice.kind === 'credit-note' ? 'Credit note' : 'Invoice'} ${invoice.number ?? '(draft)'}`;
  const finalize = finalizeForm.submit(async () => {
    await api.post('/api/invoices/{id}/finalize', {
      params: { path: { id } },
      body: rate ? { exchangeRate: { rate, source: 'entered' } } : {},
    });
    setMessage('Finalised: numbered and posted to the books.');
    result.reload();
  });
  const pay = paymentForm.submit(async () => {
    await api.post('/api/invoices/{id}/payments', {
      params: { path: { id } },
      body: {
        amount: amount.trim(),
        receivedOn,
        bankAccount: 'assets:bank:operating',
        reference: '',
      },
    });
    setAmount('');
    setMessage('Payment recorded.');
    result.reload();
  });
  const dispute = disputeForm.submit(async () => {
    await api.post('/api/invoices/{id}/dispute', {
      params: { path: { id } },
      body: { disputed: !invoice.disputed, reason: '' },
    });
    setMessage(
      invoice.disputed
        ? 'The dispute is over: reminders resume.'
        : 'Marked disputed: no reminders.',
    );
    result.reload();
  });

  return (
    <InvoicesPage title={title}>
      <Status message={message} />
      <section aria-labelledby="summary-heading" className="card">
        <h2 id="summary-heading">Summary</h2>
        <dl className="facts">
          <dt>State</dt>
          <dd>
            {statusLabels[invoice.status]}
            {invoice.overdue ? ' · overdue' : ''}
            {invoice.disputed ? ' · disputed' : ''}
          </dd>
          {invoice.heldReason ? (
            <>
              <dt>Held</dt>
              <dd>{invoice.heldReason} It can be finalised once a purchase order covers it.</dd>
            </>
          ) : null}
          <dt>Buyer</dt>
          <dd>{invoice.organization.name}</dd>
          <dt>Issued</dt>
          <dd>{formatDate(invoice.issueDate) || 'when finalised'}</dd>
          <dt>Due</dt>
          <dd>{formatDate(invoice.dueDate) || 'by the payment terms'}</dd>
          {invoice.period ? (
            <>
              <dt>Period</dt>
              <dd>
                {formatDate(invoice.period.start)} to {formatDate(invoice.period.end)}
              </dd>
            </>
          ) : null}
          {invoice.purchaseOrder ? (
            <>
              <dt>Purchase order</dt>
              <dd>{invoice.purchaseOrder}</dd>
            </>
          ) : null}
          {invoice.buyerReference ? (
            <>
              <dt>Buyer reference</dt>
              <dd>{invoice.buyerReference}</dd>
            </>
          ) : null}
          {invoice.creditorReference ? (
            <>
              <dt>Creditor reference</dt>
              <dd>{invoice.creditorReference}</dd>
            </>
          ) : null}
          {invoice.creditedInvoice ? (
            <>
              <dt>Credits</dt>
              <dd>
                <Link href={`/invoices/${invoice.creditedInvoice.id}`}>
                  {invoice.creditedInvoice.number}
                </Link>
              </dd>
            </>
          ) : null}
          <dt>Total</dt>
          <dd>
            {invoice.grossTotal} {invoice.currency}
          </dd>
          {invoice.kind === 'invoice' && invoice.due !== null ? (
            <>
              <dt>Open</dt>
              <dd>
                {invoice.due} {invoice.currency}
              </dd>
            </>
          ) : null}
        </dl>
        {invoice.number ? (
          <ul className="inline-list" aria-label="Downloads">
            {formats.map((f) => (
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
        <h2 id="lines-heading">Lines</h2>
        <table className="responsive-table">
          <caption className="visually-hidden">Invoice lines</caption>
          <thead>
            <tr>
              <th scope="col">Description</th>
              <th scope="col" className="num">
                Quantity
              </th>
              <th scope="col" className="num">
                Unit price
              </th>
              <th scope="col">VAT</th>
              <th scope="col" className="num">
                Net
              </th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((l, i) => (
              <tr key={i}>
                <td data-label="Description">{l.description}</td>
                <td data-label="Quantity" className="num">
                  {l.quantity}
                </td>
                <td data-label="Unit price" className="num">
                  {l.unitPrice}
                </td>
                <td data-label="VAT">
                  {vatCategoryLabels[l.vatCategory]}
                  {l.vatCategory === 'S' ? ` ${l.vatRate}%` : ''}
                </td>
                <td data-label="Net" className="num">
                  {l.net}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="responsive-table">
          <caption>
            VAT breakdown (
            {invoice.rounding === 'per-line' ? 'rounded per line' : 'rounded per rate'})
          </caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col" className="num">
                Taxable
              </th>
              <th scope="col" className="num">
                VAT
              </th>
            </tr>
          </thead>
          <tbody>
            {invoice.vatBreakdown.map((b) => (
              <tr key={`${b.category}-${b.rate}`}>
                <td data-label="Category">
                  {vatCategoryLabels[b.category]} {b.category === 'O' ? '' : `${b.rate}%`}
                </td>
                <td data-label="Taxable" className="num">
                  {b.taxable}
                </td>
                <td data-label="VAT" className="num">
                  {b.tax}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          Net {invoice.net} + VAT {invoice.tax} ={' '}
          <strong>
            {invoice.grossTotal} {invoice.currency}
          </strong>
        </p>
      </section>

      {invoice.number && (issuer || invoice.sendings.length > 0) ? (
        <section aria-labelledby="sent-heading" className="card">
          <h2 id="sent-heading">Sent</h2>
          {invoice.sendings.length === 0 ? (
            <p>Not sent yet.</p>
          ) : (
            <ul>
              {invoice.sendings.map((s, i) => (
                <li key={i}>
                  {formatDateTime(s.sentAt)}: to {s.to.join(', ')} by {s.transport}, with the PDF
                  and {sendFormatLabels[s.format]} ({sendingStatusLabels[s.status]}
                  {s.error ? `: ${s.error}` : ''})
                </li>
              ))}
            </ul>
          )}
          {issuer ? (
            <ConfirmAction
              trigger={invoice.sendings.length === 0 ? 'Send to the buyer' : 'Send again'}
              title={`Send ${invoice.number}?`}
              confirm="Send it"
              onConfirm={async () => {
                const sent = await api.post('/api/invoices/{id}/send', {
                  params: { path: { id } },
                  body: {},
                });
                result.reload();
                const last = sent.sendings[sent.sendings.length - 1];
                return last ? `Sent to ${last.to.join(', ')}.` : 'Sent.';
              }}
            >
              <p>
                The {invoice.kind === 'credit-note' ? 'credit note' : 'invoice'} goes by mail to the
                billing contacts of its agreement, or else to the buyer’s e-mail, with its PDF and
                an e-invoice: XRechnung for a German public buyer, otherwise UBL (Peppol BIS 3), or
                CII when the buyer has no Peppol address. Each sending is recorded here.
              </p>
            </ConfirmAction>
          ) : null}
        </section>
      ) : null}

      {invoice.settlements.length > 0 ? (
        <section aria-labelledby="settled-heading" className="card">
          <h2 id="settled-heading">Settled by</h2>
          <ul>
            {invoice.settlements.map((s, i) => (
              <li key={i}>
                {formatDate(s.receivedOn)}:{' '}
                {s.kind === 'credit-note'
                  ? `credit note ${s.creditNote}`
                  : s.kind === 'bank-line'
                    ? 'bank transfer'
                    : 'payment'}{' '}
                of {s.amount} {invoice.currency}
                {s.entryNumber ? ` (entry #${s.entryNumber})` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {issuer && invoice.status === 'draft' ? (
        <form ref={finalizeForm.formRef} onSubmit={finalize} noValidate className="form card">
          <h2>Finalise</h2>
          <p>
            Finalising gives the invoice the next number of the year and posts it to the books. It
            never changes after that: a correction is a credit note.
          </p>
          <FormProblem problem={finalizeForm.problem} fields={['exchangeRate']} />
          <TextField
            label="Exchange rate (only for another currency than the books’)"
            hint="Units of the books’ currency per unit of the invoice’s, e.g. 0.92"
            inputMode="decimal"
            value={rate}
            onChange={setRate}
            error={finalizeForm.error('exchangeRate')}
          />
          <div className="form-actions">
            <SubmitButton busy={finalizeForm.busy}>Finalise the invoice</SubmitButton>
          </div>
        </form>
      ) : null}

      {issuer && invoice.kind === 'invoice' && invoice.status !== 'draft' ? (
        <>
          <form ref={paymentForm.formRef} onSubmit={pay} noValidate className="form card">
            <h2>Record a payment</h2>
            <FormProblem problem={paymentForm.problem} fields={['amount', 'receivedOn']} />
            <div className="field-row">
              <TextField
                label="Received on"
                type="date"
                value={receivedOn}
                onChange={setReceivedOn}
                error={paymentForm.error('receivedOn')}
              />
              <TextField
                label={`Amount (${invoice.currency})`}
                inputMode="decimal"
                value={amount}
                onChange={setAmount}
                className="grow"
                error={paymentForm.error('amount')}
              />
            </div>
            <div className="form-actions">
              <SubmitButton busy={paymentForm.busy}>Record the payment</SubmitButton>
              <Link href={`/invoices/new?credit=${encodeURIComponent(invoice.number ?? '')}`}>
                Issue a credit note
              </Link>
            </div>
          </form>
          <form ref={disputeForm.formRef} onSubmit={dispute} className="form card">
            <h2>Dispute</h2>
            <FormProblem problem={disputeForm.problem} fields={[]} />
            <p>
              {invoice.disputed
                ? 'Disputed: no reminders are sent.'
                : 'Reminders are sent at the dunning stages.'}
            </p>
            <SubmitButton busy={disputeForm.busy}>
              {invoice.disputed ? 'End the dispute' : 'Mark disputed'}
            </SubmitButton>
          </form>
        </>
      ) : null}
    </InvoicesPage>
  );
}
