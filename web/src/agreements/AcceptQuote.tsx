import { useState } from 'react';
import { breakAnywhere } from './style.ts';
import { quoteAcceptanceSchema } from '../../../src/agreements/acceptanceInput.ts';
import { api } from '../api/client.ts';
import { useZodForm } from '../app/zodForm.ts';
import { formatDate } from '../app/format.ts';
import {
  CheckboxField,
  FormProblem,
  Status,
  SubmitButton,
  TextField,
  useForm,
} from '../app/forms.tsx';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { LinesTable } from './LinesTable.tsx';
import { formatDecimal } from '../app/money.ts';
import { quoteStatusLabel } from './types.ts';
import { t } from './messages.ts';

/** The buyer's page: read the quote, download its PDF, accept or decline it. No account needed. */
export function AcceptQuote({ token }: { token: string }) {
  const result = useQuery('/api/quote-links/{token}', { params: { path: { token } } });
  const quote = result.data;
  const form = useZodForm(quoteAcceptanceSchema);
  const decline = useForm();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('');
  const [read, setRead] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  // That the quote was read is the page's own check, beside the schema's.
  const onAccept = form.submitValid(
    () => ({
      signatory: { name, email: email.trim(), role: role.trim() || undefined },
      sha256: quote!.sha256,
    }),
    async (body) => {
      const answer = await api.post('/api/quote-links/{token}/accept', {
        params: { path: { token } },
        body,
      });
      setDone(t('accept.accepted', { number: answer.agreementNumber }));
      result.reload();
    },
    (): Record<string, string> => (read ? {} : { read: t('accept.tick') }),
  );
  const onDecline = decline.submit(async () => {
    await api.post('/api/quote-links/{token}/decline', { params: { path: { token } } });
    setDone(t('accept.declined'));
    result.reload();
  });

  return (
    <Page title={quote ? t('quote.titleNumber', { number: quote.number }) : t('quote.title')}>
      {result.error ? <LoadError error={result.error} /> : null}
      {!quote && !result.error ? <Loading /> : null}
      <Status message={done} />
      {quote ? (
        <>
          <section className="card" aria-labelledby="quote-summary">
            <h2 id="quote-summary">{quote.title}</h2>
            <dl className="details">
              <dt>{t('quote.for')}</dt>
              <dd>{quote.organizationName}</dd>
              <dt>{t('quote.validUntil')}</dt>
              <dd>{formatDate(quote.validUntil)}</dd>
              <dt>{t('quote.term')}</dt>
              <dd>
                {t('quote.termFrom', {
                  months: quote.termMonths,
                  day: formatDate(quote.startsOn),
                })}
                {quote.autoRenew ? `, ${t('quote.renewing', { days: quote.noticeDays })}` : ''}
              </dd>
              <dt>{t('quote.wholeTerm')}</dt>
              <dd>
                {t('accept.excludingVat', {
                  amount: formatDecimal(quote.termTotal, quote.currency),
                })}
              </dd>
              <dt>{t('accept.document')}</dt>
              <dd style={breakAnywhere}>
                <a href={`/api/quote-links/${token}/pdf`}>{t('accept.download')}</a>
                {t('accept.template', { version: quote.templateVersion })}
                <code className="hash">{quote.sha256}</code>
                {t('accept.templateEnd')}
              </dd>
            </dl>
          </section>
          <LinesTable
            lines={quote.lines}
            currency={quote.currency}
            caption={t('lines.captionOffer')}
          />
          {quote.open ? (
            <section className="card" aria-labelledby="quote-accept">
              <h2 id="quote-accept">{t('accept.heading')}</h2>
              <p>{t('accept.explain')}</p>
              <form ref={form.formRef} onSubmit={onAccept} noValidate className="form">
                <FormProblem
                  problem={form.problem}
                  fields={['signatory.name', 'signatory.email', 'signatory.role', 'read']}
                />
                <TextField
                  label={t('accept.name')}
                  autoComplete="name"
                  value={name}
                  onChange={setName}
                  error={form.error('signatory.name')}
                />
                <TextField
                  label={t('accept.email')}
                  type="email"
                  autoComplete="email"
                  value={email}
                  onChange={setEmail}
                  error={form.error('signatory.email')}
                />
                <TextField
                  label={t('accept.role')}
                  hint={t('accept.roleHint')}
                  value={role}
                  onChange={setRole}
                  error={form.error('signatory.role')}
                />
                <CheckboxField label={t('accept.read')} checked={read} onChange={setRead} />
                {form.error('read') ? <p className="field-error">{form.error('read')}</p> : null}
                <SubmitButton busy={form.busy}>{t('accept.accept')}</SubmitButton>
              </form>
              <form ref={decline.formRef} onSubmit={onDecline} noValidate>
                <FormProblem problem={decline.problem} />
                <SubmitButton busy={decline.busy} className="button">
                  {t('accept.decline')}
                </SubmitButton>
              </form>
            </section>
          ) : (
            <p className="notice notice-info">
              {quote.status === 'sent'
                ? t('accept.noLongerValid')
                : t('accept.isStatus', { status: quoteStatusLabel(quote.status).toLowerCase() })}
            </p>
          )}
        </>
      ) : null}
    </Page>
  );
}
