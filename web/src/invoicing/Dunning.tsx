import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { formatDate } from '../app/format.ts';
import { FormProblem, Status, SubmitButton, useForm } from '../app/forms.tsx';
import { Loading, LoadError } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { InvoicesPage } from './InvoicesPage.tsx';

/** The reminders calendar: each unpaid invoice's stages, sent or to come. */
export function Dunning() {
  const user = useUser();
  const result = useQuery(user.can.issueInvoices ? '/api/invoicing/dunning' : null);
  const form = useForm();
  const [message, setMessage] = useState('');
  const run = form.submit(async () => {
    const r = await api.post('/api/invoicing/reminders', { body: {} });
    setMessage(
      r.sent === 0 ? 'No reminder was due.' : `${r.sent} reminder${r.sent === 1 ? '' : 's'} sent.`,
    );
    result.reload();
  });
  const data = result.data;
  return (
    <InvoicesPage title="Reminders">
      <Status message={message} />
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {!data && !result.error ? <Loading /> : null}
      {data ? (
        <>
          <p>
            {data.stages.length === 0 ? (
              <>
                No reminder stages are set: <Link href="/invoices/settings">set them</Link>.
              </>
            ) : (
              `Stages: ${data.stages.map((s) => `${s.label} ${s.afterDays} days after the due date`).join('; ')}. Each goes once per invoice; disputed invoices wait.`
            )}
          </p>
          <form ref={form.formRef} onSubmit={run} className="form">
            <FormProblem problem={form.problem} />
            <SubmitButton busy={form.busy}>Send the reminders due today</SubmitButton>
          </form>
          {data.invoices.length === 0 ? <p>No unpaid invoices.</p> : null}
          {data.invoices.length > 0 ? (
            <table className="responsive-table">
              <caption className="visually-hidden">
                Unpaid invoices and their reminder stages
              </caption>
              <thead>
                <tr>
                  <th scope="col">Invoice</th>
                  <th scope="col">Buyer</th>
                  <th scope="col">Due</th>
                  <th scope="col" className="num">
                    Open
                  </th>
                  <th scope="col">Reminders</th>
                </tr>
              </thead>
              <tbody>
                {data.invoices.map((i) => (
                  <tr key={i.id}>
                    <td data-label="Invoice">
                      <Link href={`/invoices/${i.id}`}>{i.number}</Link>
                      {i.disputed ? ' (disputed)' : ''}
                    </td>
                    <td data-label="Buyer">{i.organization}</td>
                    <td data-label="Due">{formatDate(i.dueDate)}</td>
                    <td data-label="Open" className="num">
                      {i.due} {i.currency}
                    </td>
                    <td data-label="Reminders">
                      <ul className="plain-list">
                        {i.stages.map((s) => (
                          <li key={s.stage}>
                            {s.label}:{' '}
                            {s.sentOn
                              ? `sent ${formatDate(s.sentOn)} to ${s.sentTo}`
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
