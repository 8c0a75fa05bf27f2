import { useState } from 'react';
import { breakAnywhere } from './style.ts';
import { Link } from 'wouter';
import { sendQuoteSchema } from '../../../src/agreements/sendQuoteInput.ts';
import { api } from '../api/client.ts';
import { formatDate, formatDateTime } from '../app/format.ts';
import { FormProblem, Status, SubmitButton, TextField, useForm } from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { LinesTable } from './LinesTable.tsx';
import { quoteStatusLabel } from './types.ts';
import { formatDecimal } from '../app/money.ts';
import { t } from './messages.ts';

export function QuotePage({ id }: { id: string }) {
  const user = useUser();
  const result = useQuery('/api/quotes/{id}', { params: { path: { id } } });
  const quote = result.data;
  const send = useZodForm(sendQuoteSchema);
  const withdraw = useForm();
  const [to, setTo] = useState('');
  const [sent, setSent] = useState<{ acceptUrl: string; sha256: string } | null>(null);

  const onSend = send.submitValid(
    // No address is the organization's billing e-mail.
    () => (to.trim() ? { to: to.trim() } : {}),
    async (input) => {
      const answer = await api.post('/api/quotes/{id}/send', {
        params: { path: { id } },
        body: input,
      });
      setSent(answer);
      result.reload();
    },
  );
  const onWithdraw = withdraw.submit(async () => {
    await api.post('/api/quotes/{id}/withdraw', { params: { path: { id } } });
    result.reload();
  });

  return (
    <Page title={quote ? t('quote.titleNumber', { number: quote.number }) : t('quote.title')}>
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!quote && !result.error ? <Loading /> : null}
      {quote ? (
        <>
          <section className="card" aria-labelledby="quote-about">
            <h2 id="quote-about">{quote.title}</h2>
            <dl className="details">
              <dt>{t('quote.for')}</dt>
              <dd>{quote.organizationName}</dd>
              <dt>{t('quote.state')}</dt>
              <dd>
                {quoteStatusLabel(quote.status)}
                {quote.sentAt
                  ? t('quote.sentTo', { at: formatDateTime(quote.sentAt), to: quote.sentTo ?? '' })
                  : ''}
              </dd>
              <dt>{t('quote.validUntil')}</dt>
              <dd>{formatDate(quote.validUntil)}</dd>
              <dt>{t('quote.term')}</dt>
              <dd>
                {t('quote.termFrom', {
                  months: quote.termMonths,
                  day: formatDate(quote.startsOn),
                })}
                ,{' '}
                {quote.autoRenew
                  ? t('quote.renewing', { days: quote.noticeDays })
                  : t('quote.notRenewing')}
              </dd>
              <dt>{t('quote.eachPeriod', { months: quote.billingPeriodMonths })}</dt>
              <dd>{formatDecimal(quote.perPeriod, quote.currency)}</dd>
              <dt>{t('quote.wholeTerm')}</dt>
              <dd>{formatDecimal(quote.termTotal, quote.currency)}</dd>
            </dl>
            {quote.documentVersionId ? (
              <p>
                <a href={`/api/quotes/${quote.id}/pdf`}>{t('quote.pdf')}</a>
              </p>
            ) : null}
            {quote.agreementId ? (
              <p>
                <Link href={`/agreements/${quote.agreementId}`}>{t('quote.agreement')}</Link>
              </p>
            ) : null}
          </section>
          <LinesTable lines={quote.lines} currency={quote.currency} caption={t('lines.caption')} />
          {user.can.manageAgreements && (quote.status === 'draft' || quote.status === 'sent') ? (
            <section className="card" aria-labelledby="quote-send">
              <h2 id="quote-send">
                {quote.status === 'sent' ? t('quote.sendAgain') : t('quote.send')}
              </h2>
              <form ref={send.formRef} onSubmit={onSend} noValidate className="form">
                <FormProblem problem={send.problem} fields={['to']} />
                <TextField
                  label={t('quote.email')}
                  hint={t('quote.emailHint')}
                  type="email"
                  value={to}
                  onChange={setTo}
                  error={send.error('to')}
                />
                <SubmitButton busy={send.busy}>{t('quote.render')}</SubmitButton>
              </form>
              <Status
                message={
                  sent ? (
                    <p style={breakAnywhere}>
                      {t('quote.sent')}
                      <a href={sent.acceptUrl}>{sent.acceptUrl}</a>
                      {t('quote.sha')}
                      <code>{sent.sha256}</code>
                      {t('quote.shaEnd')}
                    </p>
                  ) : null
                }
              />
              <form ref={withdraw.formRef} onSubmit={onWithdraw} noValidate>
                <FormProblem problem={withdraw.problem} />
                <SubmitButton busy={withdraw.busy} className="button">
                  {t('quote.withdraw')}
                </SubmitButton>
              </form>
            </section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
