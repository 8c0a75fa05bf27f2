import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../api/client.ts';
import { FormProblem, SelectField, SubmitButton, TextField } from '../app/forms.tsx';
import { LoadError } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { sponsorPaymentInputSchema } from '../../../src/finance/sponsorPaymentInput.ts';
import { today } from './books.ts';
import { BooksPage } from './BooksPage.tsx';
import { amountHint, minorToDecimal, parseDecimal } from '../app/money.ts';
import { t as common } from '../app/messages.ts';
import { t } from './messages.ts';
import { DateField } from '../app/DateField.tsx';

const fields = ['organizationId', 'receivedOn', 'amount', 'reference'];

/** A sponsor's payment: one entry in the books that also weights the sponsor's vote. */
export function SponsorPayment() {
  const user = useUser();
  const { session } = useSession();
  const currency = session.coop?.currency ?? 'EUR';
  const [, navigate] = useLocation();
  const organizations = useQuery(user.can.keepBooks ? '/api/organizations' : null);
  const sponsors = (organizations.data?.organizations ?? []).filter(
    (o) => o.memberClass === 'sponsor',
  );
  const form = useZodForm(sponsorPaymentInputSchema);
  const [organizationId, setOrganizationId] = useState('');
  const [receivedOn, setReceivedOn] = useState(today());
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');

  // The member types the amount in their own notation (12,50 in German); the form turns it into
  // the route's decimal, so a sum it cannot read is the form's to word.
  const minor = () => parseDecimal(amount, currency);
  const localChecks = (): Record<string, string> => {
    const parsed = minor();
    return parsed === undefined || parsed <= 0n ? { amount: amountHint(currency) } : {};
  };
  // A sponsor not chosen yet is missing, as the route words it ("required").
  const values = () => {
    const parsed = minor();
    return {
      organizationId: organizationId || undefined,
      receivedOn,
      amount: parsed === undefined ? amount : minorToDecimal(parsed, currency),
      reference: reference.trim(),
    };
  };

  const onSubmit = form.submitValid(
    values,
    async (input) => {
      const result = await api.post('/api/ledger/sponsor-payments', { body: input });
      navigate(`/books/entries?posted=${result.number}`);
    },
    localChecks,
  );

  if (!user.can.keepBooks)
    return (
      <BooksPage title={t('sponsorPayment.title')}>
        <p className="notice">{t('keepersOnly.payments')}</p>
      </BooksPage>
    );

  return (
    <BooksPage title={t('sponsorPayment.title')}>
      <p className="lead">{t('sponsorPayment.lead')}</p>
      {organizations.error ? (
        <LoadError error={organizations.error} retry={organizations.reload} />
      ) : null}
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form card">
        <FormProblem problem={form.problem} fields={fields} />
        <SelectField
          label={t('sponsorPayment.sponsor')}
          value={organizationId}
          onChange={setOrganizationId}
          options={[
            {
              value: '',
              label: organizations.loading
                ? t('sponsorPayment.loadingSponsors')
                : t('sponsorPayment.choose'),
            },
            ...sponsors.map((o) => ({ value: o.id, label: o.displayName })),
          ]}
          error={form.error('organizationId')}
        />
        {organizations.data && sponsors.length === 0 ? (
          <p className="hint">
            {t('sponsorPayment.noSponsors')}
            <Link href="/organizations/new">{t('sponsorPayment.addOne')}</Link>
            {t('sponsorPayment.first')}
          </p>
        ) : null}
        <div className="field-row">
          <DateField
            label={t('sponsorPayment.receivedOn')}
            value={receivedOn}
            onChange={setReceivedOn}
            required
            error={form.error('receivedOn')}
          />
          <TextField
            label={t('sponsorPayment.amount', { currency })}
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            onChange={setAmount}
            required
            className="grow"
            error={form.error('amount')}
          />
        </div>
        <TextField
          label={t('sponsorPayment.reference')}
          hint={t('sponsorPayment.referenceHint')}
          value={reference}
          onChange={setReference}
          autoComplete="off"
          maxLength={200}
          error={form.error('reference')}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('sponsorPayment.record')}</SubmitButton>
          <Link href="/books/entries">{common('form.cancel')}</Link>
        </div>
      </form>
    </BooksPage>
  );
}
