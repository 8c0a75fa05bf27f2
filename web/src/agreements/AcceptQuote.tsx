import { useState } from 'react';
import { breakAnywhere } from './style.ts';
import { api } from '../api/client.ts';
import { formatDate } from '../app/format.ts';
import {
  CheckboxField,
  FormProblem,
  Status,
  SubmitButton,
  TextField,
  useForm,
} from '../app/forms.tsx';
import { localProblem } from '../app/api.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { LinesTable } from './LinesTable.tsx';

/** The buyer's page: read the quote, download its PDF, accept or decline it. No account needed. */
export function AcceptQuote({ token }: { token: string }) {
  const result = useQuery('/api/quote-links/{token}', { params: { path: { token } } });
  const quote = result.data;
  const form = useForm();
  const decline = useForm();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('');
  const [read, setRead] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const onAccept = form.submit(async () => {
    if (!read)
      throw localProblem('Please confirm you have read the quote.', { read: 'tick to confirm' });
    const answer = await api.post('/api/quote-links/{token}/accept', {
      params: { path: { token } },
      body: {
        signatory: {
          name: name.trim(),
          email: email.trim(),
          ...(role.trim() ? { role: role.trim() } : {}),
        },
        sha256: quote!.sha256,
      },
    });
    setDone(`Accepted. Thank you: agreement ${answer.agreementNumber} is in place.`);
    result.reload();
  });
  const onDecline = decline.submit(async () => {
    await api.post('/api/quote-links/{token}/decline', { params: { path: { token } } });
    setDone('Declined. Thank you for letting us know.');
    result.reload();
  });

  return (
    <Page title={quote ? `Quote ${quote.number}` : 'Quote'}>
      {result.error ? <LoadError error={result.error} /> : null}
      {!quote && !result.error ? <Loading /> : null}
      <Status message={done} />
      {quote ? (
        <>
          <section className="card" aria-labelledby="quote-summary">
            <h2 id="quote-summary">{quote.title}</h2>
            <dl className="details">
              <dt>For</dt>
              <dd>{quote.organizationName}</dd>
              <dt>Valid until</dt>
              <dd>{formatDate(quote.validUntil)}</dd>
              <dt>Term</dt>
              <dd>
                {quote.termMonths} months from {formatDate(quote.startsOn)}
                {quote.autoRenew
                  ? `, renewing unless cancelled ${quote.noticeDays} days before its end`
                  : ''}
              </dd>
              <dt>Whole first term</dt>
              <dd>
                {quote.currency} {quote.termTotal} (excluding VAT)
              </dd>
              <dt>Document</dt>
              <dd style={breakAnywhere}>
                <a href={`/api/quote-links/${token}/pdf`}>Download the PDF</a> (quote template{' '}
                {quote.templateVersion}; SHA-256 <code className="hash">{quote.sha256}</code>)
              </dd>
            </dl>
          </section>
          <LinesTable lines={quote.lines} currency={quote.currency} caption="What we offer" />
          {quote.open ? (
            <section className="card" aria-labelledby="quote-accept">
              <h2 id="quote-accept">Accept this quote</h2>
              <p>
                Accepting records your name and e-mail address, the time, the address you accept
                from, and the SHA-256 above, which identifies exactly this text.
              </p>
              <form ref={form.formRef} onSubmit={onAccept} noValidate className="form">
                <FormProblem
                  problem={form.problem}
                  fields={['signatory.name', 'signatory.email', 'signatory.role', 'read']}
                />
                <TextField
                  label="Your name"
                  autoComplete="name"
                  value={name}
                  onChange={setName}
                  error={form.error('signatory.name')}
                />
                <TextField
                  label="Your e-mail"
                  type="email"
                  autoComplete="email"
                  value={email}
                  onChange={setEmail}
                  error={form.error('signatory.email')}
                />
                <TextField
                  label="Your title (optional)"
                  hint="For example: Head of Procurement"
                  value={role}
                  onChange={setRole}
                  error={form.error('signatory.role')}
                />
                <CheckboxField
                  label="I have read the quote and may accept it for my organization"
                  checked={read}
                  onChange={setRead}
                />
                {form.error('read') ? <p className="field-error">{form.error('read')}</p> : null}
                <SubmitButton busy={form.busy}>Accept the quote</SubmitButton>
              </form>
              <form ref={decline.formRef} onSubmit={onDecline} noValidate>
                <FormProblem problem={decline.problem} />
                <SubmitButton busy={decline.busy} className="button">
                  Decline
                </SubmitButton>
              </form>
            </section>
          ) : (
            <p className="notice notice-info">
              This quote is {quote.status === 'sent' ? 'no longer valid' : quote.status}.
            </p>
          )}
        </>
      ) : null}
    </Page>
  );
}
