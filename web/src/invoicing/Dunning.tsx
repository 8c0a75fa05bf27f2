import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { formatDate } from '../app/format.ts';
import { FormProblem, Status, SubmitButton, useForm } from '../app/forms.tsx';
import { Loading, LoadError } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { formatDecimal } from '../app/money.ts';
import { InvoicesPage } from './InvoicesPage.tsx';
import { t } from './messages.ts';

/** The reminders calendar: each unpaid invoice's stages, sent or to come. */
export function Dunning() {
  const user = useUser();
  const result = useQuery(user.can.issueInvoices ? '/api/invoicing/dunning' : null);
  const form = useForm();
  const [message, setMessage] = useState('');
  const run = form.submit(async () => {
    const r = await api.post('/api/invoicing/reminders', { body: {} });
    setMessage(r.sent === 0 ? t('dunning.noneDue') : t('dunning.sent', { count: r.sent }));
    result.reload();
  });
  const data = result.data;
  return (
    <InvoicesPage title={t('dunning.title')}>
      <Status message={message} />
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!data && !result.error ? <Loading /> : null}
      {data ? (
        <>
          <p>
            {data.stages.length === 0 ? (
              <>
                {t('dunning.noStages')}
                <Link href="/invoices/settings">{t('dunning.setThem')}</Link>.
              </>
            ) : (
              t('dunning.stages', {
                stages: data.stages
                  .map((s) => t('dunning.stage', { label: s.label, days: s.afterDays }))
                  .join('; '),
              })
            )}
          </p>
          <form ref={form.formRef} onSubmit={run} className="form">
            <FormProblem problem={form.problem} />
            <SubmitButton busy={form.busy}>{t('dunning.send')}</SubmitButton>
          </form>
          {data.invoices.length === 0 ? <p>{t('dunning.noUnpaid')}</p> : null}
          {data.invoices.length > 0 ? (
            <table className="responsive-table">
              <caption className="visually-hidden">{t('dunning.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('columns.invoice')}</th>
                  <th scope="col">{t('columns.buyer')}</th>
                  <th scope="col">{t('columns.due')}</th>
                  <th scope="col" className="num">
                    {t('columns.open')}
                  </th>
                  <th scope="col">{t('columns.reminders')}</th>
                </tr>
              </thead>
              <tbody>
                {data.invoices.map((i) => (
                  <tr key={i.id}>
                    <td data-label={t('columns.invoice')}>
                      <Link href={`/invoices/${i.id}`}>{i.number}</Link>
                      {i.disputed ? t('flags.disputedParen') : ''}
                    </td>
                    <td data-label={t('columns.buyer')}>{i.organization}</td>
                    <td data-label={t('columns.due')}>{formatDate(i.dueDate)}</td>
                    <td data-label={t('columns.open')} className="num">
                      {formatDecimal(i.due, i.currency)}
                    </td>
                    <td data-label={t('columns.reminders')}>
                      <ul className="plain-list">
                        {i.stages.map((s) => (
                          <li key={s.stage}>
                            {s.label}:{' '}
                            {s.sentOn
                              ? t('dunning.sentOn', {
                                  day: formatDate(s.sentOn),
                                  to: s.sentTo ?? '',
                                })
                              : formatDate(s.on)}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
    </InvoicesPage>
  );
}
