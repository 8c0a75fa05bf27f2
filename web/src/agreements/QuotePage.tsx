import { useState } from 'react';
import { breakAnywhere } from './style.ts';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { formatDate, formatDateTime } from '../app/format.ts';
import { FormProblem, Status, SubmitButton, TextField, useForm } from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { LinesTable } from './LinesTable.tsx';
import { quoteStatusLabels } from './types.ts';

export function QuotePage({ id }: { id: string }) {
  const user = useUser();
  const result = useQuery('/api/quotes/{id}', { params: { path: { id } } });
  const quote = result.data;
  const send = useForm();
  const withdraw = useForm();
  const [to, setTo] = useState('');
  const [sent, setSent] = useState<{ acceptUrl: string; sha256: string } | null>(null);

  const onSend = send.submit(async () => {
    const answer = await api.post('/api/quotes/{id}/send', {
      params: { path: { id } },
      body: to.trim() ? { to: to.trim() } : {},
    });
    setSent(answer);
    result.reload();
  });
  const onWithdraw = withdraw.submit(async () => {
    await api.post('/api/quotes/{id}/withdraw', { params: { path: { id } } });
    result.reload();
  });

  return (
    <Page title={quote ? `Quote ${quote.number}` : 'Quote'}>
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!quote && !result.error ? <Loading /> : null}
      {quote ? (
        <>
          <section className="card" aria-labelledby="quote-about">
            <h2 id="quote-about">{quote.title}</h2>
            <dl className="details">
              <dt>For</dt>
              <dd>{quote.organizationName}</dd>
              <dt>State</dt>
              <dd>
                {quoteStatusLabels[quote.status]}
                {quote.sentAt ? ` (sent ${formatDateTime(quote.sentAt)} to ${quote.sentTo})` : ''}
              </dd>
              <dt>Valid until</dt>
              <dd>{formatDate(quote.validUntil)}</dd>
              <dt>Term</dt>
              <dd>
                {quote.termMonths} months from {formatDate(quote.startsOn)},{' '}
                {quote.autoRenew
                  ? `renewing unless cancelled ${quote.noticeDays} days before its end`
                  : 'not renewing'}
              </dd>
              <dt>Each billing period ({quote.billingPeriodMonths} months)</dt>
              <dd>
                {quote.currency} {quote.perPeriod}
              </dd>
              <dt>Whole first term</dt>
              <dd>
                {quote.currency} {quote.termTotal}
              </dd>
            </dl>
            {quote.documentVersionId ? (
              <p>
                <a href={`/api/quotes/${quote.id}/pdf`}>The PDF as sent</a>
              </p>
            ) : null}
            {quote.agreementId ? (
              <p>
                <Link href={`/agreements/${quote.agreementId}`}>The agreement it became</Link>
              </p>
            ) : null}
          </section>
          <LinesTable lines={quote.lines} currency={quote.currency} caption="Lines" />
          {user.can.manageAgreements && (quote.status === 'draft' || quote.status === 'sent') ? (
            <section className="card" aria-labelledby="quote-send">
              <h2 id="quote-send">
                {quote.status === 'sent' ? 'Send again' : 'Send to the buyer'}
              </h2>
              <form ref={send.formRef} onSubmit={onSend} noValidate className="form">
                <FormProblem problem={send.problem} fields={['to']} />
                <TextField
                  label="Buyer’s e-mail"
                  hint="Empty: the organization’s billing address."
                  type="email"
                  value={to}
                  onChange={setTo}
                  error={send.error('to')}
                />
                <SubmitButton busy={send.busy}>Render the PDF and mail the link</SubmitButton>
              </form>
              <Status
                message={
                  sent ? (
                    <p style={breakAnywhere}>
                      Sent. The buyer’s link: <a href={sent.acceptUrl}>{sent.acceptUrl}</a> (SHA-256{' '}
                      <code>{sent.sha256}</code>)
                    </p>
                  ) : null
                }
              />
              <form ref={withdraw.formRef} onSubmit={onWithdraw} noValidate>
                <FormProblem problem={withdraw.problem} />
                <SubmitButton busy={withdraw.busy} className="button">
                  Withdraw the quote
                </SubmitButton>
              </form>
            </section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
