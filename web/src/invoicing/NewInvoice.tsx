import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'wouter';
import { newInvoiceSchema } from '../../../src/invoicing/input.ts';
import { api } from '../api/client.ts';
import { CheckboxField, FormProblem, SelectField, SubmitButton, TextField } from '../app/forms.tsx';
import {
  enteredAmountProblem,
  enteredDecimal,
  enteredNumber,
  enteredNumberProblem,
} from '../app/money.ts';
import { Loading, LoadError } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { t as common } from '../app/messages.ts';
import {
  InvoicesPage,
  vatCategories,
  vatCategoryLabel,
  type VatCategory,
} from './InvoicesPage.tsx';
import { t } from './messages.ts';
import { DateField } from '../app/DateField.tsx';

type Category = VatCategory;
interface Line {
  description: string;
  quantity: string;
  unitPrice: string;
  vatCategory: Category;
  vatRate: string;
}
const emptyLine = (): Line => ({
  description: '',
  quantity: '1',
  unitPrice: '',
  vatCategory: 'S',
  vatRate: '19',
});

/** A new invoice, or a credit note for the invoice named in `?credit=NUMBER`. */
export function NewInvoice() {
  const user = useUser();
  const { session } = useSession();
  const [params] = useSearchParams();
  const credited = params.get('credit') ?? '';
  const [, navigate] = useLocation();
  const organizations = useQuery(user.can.issueInvoices ? '/api/organizations' : null);
  const invoices = useQuery(credited ? '/api/invoices' : null);
  const creditedOrg =
    invoices.data?.invoices.find((i) => i.number === credited)?.organization.id ?? '';
  // The route's own schema checks the form first: its errors, in its words, beside the fields.
  const form = useZodForm(newInvoiceSchema);
  const [organizationId, setOrganizationId] = useState('');
  const [currency, setCurrency] = useState(session.coop?.currency ?? 'EUR');
  const [purchaseOrder, setPurchaseOrder] = useState('');
  const [buyerReference, setBuyerReference] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [perLine, setPerLine] = useState(false);
  const [finalize, setFinalize] = useState(false);
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const buyer = organizationId || creditedOrg;

  const setLine = (i: number, change: Partial<Line>) =>
    setLines((old) => old.map((l, j) => (j === i ? { ...l, ...change } : l)));

  const onSubmit = form.submitValid(
    () => ({
      buyer: { organizationId: buyer },
      currency,
      ...(purchaseOrder ? { purchaseOrder } : {}),
      ...(buyerReference ? { buyerReference } : {}),
      ...(dueDate ? { dueDate } : {}),
      rounding: perLine ? 'per-line' : 'per-rate',
      ...(credited ? { creditedInvoice: credited } : {}),
      finalize,
      // Unit prices, quantities and rates typed in the member's notation ("1.500,00" and
      // "2,5" in German), sent as the route's decimals ("1500.00", "2.5").
      lines: lines.map((l) => ({
        ...l,
        quantity: enteredNumber(l.quantity),
        unitPrice: enteredDecimal(l.unitPrice, currency),
        vatRate: enteredNumber(l.vatRate),
        unitCode: 'C62',
      })),
    }),
    async (body) => {
      const result = await api.post('/api/invoices', { body });
      navigate(`/invoices/${result.id}`);
    },
    // What the schema cannot read: prices, quantities and rates in the member's notation.
    () => {
      const problems: Record<string, string> = {};
      lines.forEach((l, i) => {
        const own = {
          quantity: enteredNumberProblem(l.quantity, '2.5'),
          unitPrice: enteredAmountProblem(l.unitPrice, currency),
          vatRate: enteredNumberProblem(l.vatRate, '7.7'),
        };
        for (const [field, problem] of Object.entries(own))
          if (problem) problems[`lines/${i}/${field}`] = problem;
      });
      return problems;
    },
  );

  if (!user.can.issueInvoices)
    return (
      <InvoicesPage title={t('newInvoice.title')}>
        <p className="notice">{t('newInvoice.onlyOfficers')}</p>
      </InvoicesPage>
    );

  const fieldKeys = [
    'buyer',
    'buyer.organizationId',
    'currency',
    'purchaseOrder',
    'buyerReference',
    'dueDate',
    'lines',
    'creditedInvoice',
  ];
  lines.forEach((_, i) =>
    fieldKeys.push(
      ...['description', 'quantity', 'unitPrice', 'vatCategory', 'vatRate'].map(
        (f) => `lines.${i}.${f}`,
      ),
    ),
  );
  return (
    <InvoicesPage
      title={credited ? t('newInvoice.creditTitle', { number: credited }) : t('newInvoice.title')}
    >
      {organizations.error ? (
        <LoadError error={organizations.error} retry={organizations.reload} />
      ) : null}
      {invoices.error ? <LoadError error={invoices.error} retry={invoices.reload} /> : null}
      {/* A credit note's buyer is the credited invoice's: no form to press before it is known. */}
      {credited && !invoices.data ? (
        invoices.error ? null : (
          <Loading />
        )
      ) : (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form card">
          <FormProblem problem={form.problem} fields={fieldKeys} />
          <SelectField
            label={t('newInvoice.buyer')}
            value={buyer}
            onChange={setOrganizationId}
            options={[
              {
                value: '',
                label: organizations.loading
                  ? common('page.loading')
                  : t('newInvoice.chooseOrganization'),
              },
              ...(organizations.data?.organizations ?? []).map((o) => ({
                value: o.id,
                label: o.displayName,
              })),
            ]}
            error={form.error('buyer.organizationId') ?? form.error('buyer')}
          />
          <div className="field-row">
            <TextField
              label={t('newInvoice.currency')}
              value={currency}
              onChange={setCurrency}
              maxLength={3}
              error={form.error('currency')}
            />
            <TextField
              label={t('newInvoice.purchaseOrder')}
              value={purchaseOrder}
              onChange={setPurchaseOrder}
              error={form.error('purchaseOrder')}
            />
            <TextField
              label={t('newInvoice.buyerReference')}
              value={buyerReference}
              onChange={setBuyerReference}
              error={form.error('buyerReference')}
            />
            <DateField
              label={t('newInvoice.dueDate')}
              value={dueDate}
              onChange={setDueDate}
              error={form.error('dueDate')}
            />
          </div>
          <fieldset>
            <legend>{t('newInvoice.lines')}</legend>
            {lines.map((l, i) => (
              <div
                className="field-row invoice-line"
                key={i}
                role="group"
                aria-label={t('newInvoice.line', { n: i + 1 })}
              >
                <TextField
                  label={t('newInvoice.lineDescription', { n: i + 1 })}
                  value={l.description}
                  onChange={(v) => setLine(i, { description: v })}
                  className="grow"
                  error={form.error(`lines.${i}.description`)}
                />
                <TextField
                  label={t('newInvoice.quantity')}
                  inputMode="decimal"
                  value={l.quantity}
                  onChange={(v) => setLine(i, { quantity: v })}
                  error={form.error(`lines.${i}.quantity`)}
                />
                <TextField
                  label={t('newInvoice.unitPrice')}
                  inputMode="decimal"
                  value={l.unitPrice}
                  onChange={(v) => setLine(i, { unitPrice: v })}
                  error={form.error(`lines.${i}.unitPrice`)}
                />
                <SelectField
                  label={t('newInvoice.vatCategory')}
                  value={l.vatCategory}
                  onChange={(v) =>
                    setLine(i, { vatCategory: v as Category, vatRate: v === 'S' ? l.vatRate : '0' })
                  }
                  options={vatCategories.map((value) => ({
                    value,
                    label: vatCategoryLabel(value),
                  }))}
                  error={form.error(`lines.${i}.vatCategory`)}
                />
                <TextField
                  label={t('newInvoice.vatRate')}
                  inputMode="decimal"
                  value={l.vatRate}
                  onChange={(v) => setLine(i, { vatRate: v })}
                  error={form.error(`lines.${i}.vatRate`)}
                />
              </div>
            ))}
            <div className="form-actions">
              <button
                type="button"
                className="button"
                onClick={() => setLines((old) => [...old, emptyLine()])}
              >
                {t('newInvoice.addLine')}
              </button>
              {lines.length > 1 ? (
                <button
                  type="button"
                  className="button"
                  onClick={() => setLines((old) => old.slice(0, -1))}
                >
                  {t('newInvoice.removeLine')}
                </button>
              ) : null}
            </div>
          </fieldset>
          <CheckboxField label={t('newInvoice.perLine')} checked={perLine} onChange={setPerLine} />
          <CheckboxField
            label={t('newInvoice.finalizeNow')}
            checked={finalize}
            onChange={setFinalize}
          />
          <div className="form-actions">
            <SubmitButton busy={form.busy}>
              {finalize ? t('newInvoice.issue') : t('newInvoice.saveDraft')}
            </SubmitButton>
            <Link href="/invoices">{common('form.cancel')}</Link>
          </div>
        </form>
      )}
    </InvoicesPage>
  );
}
