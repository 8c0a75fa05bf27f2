import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../api/client.ts';
import { FormProblem, SelectField, SubmitButton, TextField } from '../app/forms.tsx';
import { useZodForm } from '../app/zodForm.ts';
import { entryInputSchema } from '../../../src/finance/entryInput.ts';
import { Loading, LoadError } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { accountOption, kindLabel, today } from './books.ts';
import { BooksPage } from './BooksPage.tsx';
import { amountHint, formatMoney, minorToDecimal, parseDecimal } from '../app/money.ts';
import type { Account } from '../api/types.ts';
import { t as common } from '../app/messages.ts';
import { t } from './messages.ts';
import { DateField } from '../app/DateField.tsx';

interface Row {
  key: number;
  account: string;
  debit: string;
  credit: string;
  currency: string;
  coopAmount: string;
  memo: string;
}

const kinds = ['manual', 'expense', 'income', 'transfer', 'adjustment'];

const otherCurrencies = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'JPY'];

let nextKey = 1;
const newRow = (currency: string): Row => ({
  key: nextKey++,
  account: '',
  debit: '',
  credit: '',
  currency,
  coopAmount: '',
  memo: '',
});

const blank = (row: Row) =>
  !row.account && !row.debit.trim() && !row.credit.trim() && !row.memo.trim();

/** A journal entry of two or more postings, checked to balance before it is sent. */
export function PostEntry() {
  const user = useUser();
  const accounts = useQuery('/api/ledger/accounts');
  return (
    <BooksPage title={t('postEntry.title')}>
      {!user.can.keepBooks ? (
        <p className="notice">
          {t('keepersOnly.entries')}{' '}
          <Link href="/books/entries">{t('keepersOnly.seeEntries')}</Link>.
        </p>
      ) : accounts.error ? (
        <LoadError error={accounts.error} retry={accounts.reload} />
      ) : accounts.data ? (
        <EntryForm accounts={accounts.data.accounts} />
      ) : (
        <Loading />
      )}
    </BooksPage>
  );
}

function EntryForm({ accounts }: { accounts: Account[] }) {
  const { session } = useSession();
  const coopCurrency = session.coop?.currency ?? 'EUR';
  const [, navigate] = useLocation();
  const form = useZodForm(entryInputSchema);
  const [effectiveOn, setEffectiveOn] = useState(today());
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState('manual');
  const [rows, setRows] = useState<Row[]>(() => [newRow(coopCurrency), newRow(coopCurrency)]);
  const list = useRef<HTMLOListElement>(null);
  const balanceCheck = useRef<HTMLDivElement>(null);
  const currencies = [coopCurrency, ...otherCurrencies.filter((c) => c !== coopCurrency)];

  const change = (key: number, changes: Partial<Row>) =>
    setRows((old) => old.map((r) => (r.key === key ? { ...r, ...changes } : r)));

  const addRow = () => {
    setRows((old) => [...old, newRow(coopCurrency)]);
    // Focus the new row's account once it is drawn.
    setTimeout(() => {
      const selects = list.current?.querySelectorAll<HTMLSelectElement>(
        '.posting-account-field select',
      );
      selects?.[selects.length - 1]?.focus();
    }, 0);
  };

  const removeRow = (key: number, index: number) => {
    setRows((old) => old.filter((r) => r.key !== key));
    setTimeout(() => {
      const buttons = list.current?.querySelectorAll<HTMLElement>('.posting-account-field select');
      buttons?.[Math.max(0, index - 1)]?.focus();
    }, 0);
  };

  // The running check: per currency, and in the co-op's currency.
  const sums = new Map<string, bigint>();
  let coopSum = 0n;
  let debitTotal = 0n;
  let creditTotal = 0n;
  let unreadable = false;
  for (const row of rows) {
    const debit = row.debit.trim() ? parseDecimal(row.debit, row.currency) : 0n;
    const credit = row.credit.trim() ? parseDecimal(row.credit, row.currency) : 0n;
    if (debit === undefined || credit === undefined) {
      unreadable = true;
      continue;
    }
    const amount = debit - credit;
    sums.set(row.currency, (sums.get(row.currency) ?? 0n) + amount);
    if (row.currency === coopCurrency) {
      coopSum += amount;
      debitTotal += debit;
      creditTotal += credit;
    } else if (row.coopAmount.trim()) {
      const coop = parseDecimal(row.coopAmount, coopCurrency);
      if (coop === undefined) unreadable = true;
      else {
        coopSum += amount < 0n ? -coop : coop;
        if (amount < 0n) creditTotal += coop;
        else debitTotal += coop;
      }
    }
  }
  const foreignOff = [...sums].filter(([c, v]) => c !== coopCurrency && v !== 0n);
  const balanced = !unreadable && coopSum === 0n && foreignOff.length === 0 && debitTotal > 0n;
  const foreignCurrencies = foreignOff.map(([c]) => c).join(t('postEntry.and'));

  // Blank rows are dropped when two others remain; the amounts typed in the member's notation
  // (12,50) go out as the route's signed decimals, or as typed when the form cannot read them.
  const values = () => {
    const used = rows.filter((r) => !blank(r));
    if (used.length !== rows.length) setRows(used.length >= 2 ? used : rows);
    const sent = used.length >= 2 ? used : rows;
    const postings = sent.map((r) => {
      const hasCredit = r.credit.trim() !== '' && r.debit.trim() === '';
      const text = (hasCredit ? r.credit : r.debit).trim();
      const minor = parseDecimal(text, r.currency);
      const sign = hasCredit ? -1n : 1n;
      const foreign = r.currency !== coopCurrency;
      const coopMinor = foreign ? parseDecimal(r.coopAmount, coopCurrency) : undefined;
      return {
        account: r.account,
        amount: minor === undefined ? text : minorToDecimal(minor * sign, r.currency),
        ...(foreign
          ? {
              currency: r.currency,
              coopAmount:
                coopMinor === undefined
                  ? r.coopAmount.trim()
                  : minorToDecimal(coopMinor * sign, coopCurrency),
            }
          : {}),
        ...(r.memo.trim() ? { memo: r.memo.trim() } : {}),
      };
    });
    return { effectiveOn, kind, description, postings };
  };

  // What the schema cannot hold: one side per posting, amounts in the member's notation, and
  // whether the entry balances (told only once every amount reads). Shown beside the schema's
  // own issues, in one press.
  const entryChecks = () => {
    const used = rows.filter((r) => !blank(r));
    const sent = used.length >= 2 ? used : rows;
    const local: Record<string, string> = {};
    sent.forEach((r, i) => {
      const hasDebit = r.debit.trim() !== '';
      const hasCredit = r.credit.trim() !== '';
      const text = hasDebit ? r.debit : r.credit;
      if (hasDebit && hasCredit) local[`postings.${i}.amount`] = t('postEntry.notBoth');
      else if (!hasDebit && !hasCredit) local[`postings.${i}.amount`] = t('postEntry.oneOf');
      else if (parseDecimal(text, r.currency) === undefined)
        local[`postings.${i}.amount`] = amountHint(r.currency);
      if (r.currency !== coopCurrency && parseDecimal(r.coopAmount, coopCurrency) === undefined)
        local[`postings.${i}.coopAmount`] = amountHint(coopCurrency);
    });
    if (Object.keys(local).length === 0 && !balanced)
      local.postings =
        coopSum !== 0n
          ? t('postEntry.differ', {
              debits: formatMoney(debitTotal, coopCurrency),
              credits: formatMoney(creditTotal, coopCurrency),
              difference: formatMoney(coopSum < 0n ? -coopSum : coopSum, coopCurrency),
            })
          : foreignOff.length > 0
            ? t('postEntry.foreignOff', { currencies: foreignCurrencies })
            : t('postEntry.noMoney');
    return local;
  };

  const onSubmit = form.submitValid(
    values,
    async (body) => {
      const result = await api.post('/api/ledger/entries', { body });
      navigate(`/books/entries?posted=${result.number}`);
    },
    entryChecks,
  );

  const rowFields = (i: number) =>
    ['account', 'amount', 'currency', 'coopAmount', 'memo'].map((f) => `postings.${i}.${f}`);
  const fields = [
    'effectiveOn',
    'description',
    'kind',
    'postings',
    ...rows.flatMap((_, i) => rowFields(i)),
  ];
  const postingsError = form.error('postings');

  // When only the balance is wrong, the check itself takes the focus (after useForm's own).
  useEffect(() => {
    if (postingsError && !form.formRef.current?.querySelector('[aria-invalid="true"]'))
      balanceCheck.current?.focus();
  }, [form.problem, postingsError, form.formRef]);
  const accountOptions = [
    { value: '', label: t('postEntry.chooseAccountOption') },
    ...accounts.map(accountOption),
  ];

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form entry-form">
      <FormProblem problem={form.problem} fields={fields} />
      <div className="field-row">
        <DateField
          label={t('postEntry.date')}
          value={effectiveOn}
          onChange={setEffectiveOn}
          required
          error={form.error('effectiveOn')}
        />
        <SelectField
          label={t('postEntry.kind')}
          value={kind}
          onChange={setKind}
          options={kinds.map((k) => ({ value: k, label: kindLabel(k) }))}
          error={form.error('kind')}
        />
      </div>
      <TextField
        label={t('postEntry.description')}
        value={description}
        onChange={setDescription}
        autoComplete="off"
        required
        maxLength={500}
        error={form.error('description')}
      />

      <fieldset className="postings-fieldset">
        <legend>{t('postEntry.postings')}</legend>
        <p className="hint">{t('postEntry.postingsHint')}</p>
        <ol className="posting-rows" ref={list}>
          {rows.map((row, i) => {
            const amountError = form.error(`postings.${i}.amount`);
            const creditHasError = !row.debit.trim() && row.credit.trim() !== '';
            const bothFilled = row.debit.trim() !== '' && row.credit.trim() !== '';
            return (
              <li key={row.key} className="posting-row">
                <fieldset className="posting">
                  <legend className="posting-legend">{t('postEntry.posting', { n: i + 1 })}</legend>
                  <SelectField
                    label={t('postEntry.account')}
                    value={row.account}
                    onChange={(v) => change(row.key, { account: v })}
                    options={accountOptions}
                    className="posting-account-field"
                    error={form.error(`postings.${i}.account`)}
                  />
                  <TextField
                    label={t('postEntry.debit', { currency: row.currency })}
                    inputMode="decimal"
                    autoComplete="off"
                    value={row.debit}
                    onChange={(v) => change(row.key, { debit: v })}
                    className="posting-amount"
                    error={!creditHasError && !bothFilled ? amountError : undefined}
                  />
                  <TextField
                    label={t('postEntry.credit', { currency: row.currency })}
                    inputMode="decimal"
                    autoComplete="off"
                    value={row.credit}
                    onChange={(v) => change(row.key, { credit: v })}
                    className="posting-amount"
                    error={creditHasError || bothFilled ? amountError : undefined}
                  />
                  <SelectField
                    label={t('postEntry.currency')}
                    value={row.currency}
                    onChange={(v) => change(row.key, { currency: v })}
                    options={currencies.map((c) => ({ value: c, label: c }))}
                    className="posting-currency"
                    error={form.error(`postings.${i}.currency`)}
                  />
                  {row.currency !== coopCurrency ? (
                    <TextField
                      label={t('postEntry.inCoop', { currency: coopCurrency })}
                      hint={t('postEntry.inCoopHint')}
                      inputMode="decimal"
                      autoComplete="off"
                      value={row.coopAmount}
                      onChange={(v) => change(row.key, { coopAmount: v })}
                      className="posting-amount"
                      error={form.error(`postings.${i}.coopAmount`)}
                    />
                  ) : null}
                  <TextField
                    label={t('postEntry.memo')}
                    autoComplete="off"
                    value={row.memo}
                    onChange={(v) => change(row.key, { memo: v })}
                    className="posting-memo-field"
                    maxLength={500}
                    error={form.error(`postings.${i}.memo`)}
                  />
                  <div className="posting-remove">
                    <button
                      type="button"
                      className="button small"
                      onClick={() => removeRow(row.key, i)}
                      disabled={rows.length <= 2}
                    >
                      {t('postEntry.remove')}
                      <span className="visually-hidden">
                        {t('postEntry.removeWhich', { n: i + 1 })}
                      </span>
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div className="form-actions">
          <button type="button" className="button" onClick={addRow}>
            {t('postEntry.add')}
          </button>
        </div>
        <div
          className={`balance-check${balanced ? ' balanced' : ' unbalanced'}${postingsError ? ' field-invalid' : ''}`}
          id="balance-check"
          ref={balanceCheck}
          tabIndex={-1}
        >
          <p>
            {t('postEntry.debits')} <strong>{formatMoney(debitTotal, coopCurrency)}</strong>,{' '}
            {t('postEntry.credits')} <strong>{formatMoney(creditTotal, coopCurrency)}</strong>:{' '}
            {unreadable
              ? t('postEntry.unreadable')
              : coopSum === 0n && foreignOff.length === 0
                ? debitTotal > 0n
                  ? t('postEntry.balanced')
                  : t('postEntry.nothing')
                : coopSum !== 0n
                  ? t('postEntry.offBy', {
                      amount: formatMoney(coopSum < 0n ? -coopSum : coopSum, coopCurrency),
                      side: coopSum > 0n ? t('postEntry.moreDebits') : t('postEntry.moreCredits'),
                    })
                  : t('postEntry.foreignOffSentence', { currencies: foreignCurrencies })}
          </p>
          {postingsError ? (
            <p className="field-error">
              <span aria-hidden="true">⚠ </span>
              {postingsError}
            </p>
          ) : null}
        </div>
      </fieldset>

      <div className="form-actions">
        <SubmitButton busy={form.busy}>{t('postEntry.post')}</SubmitButton>
        <Link href="/books/entries">{common('form.cancel')}</Link>
      </div>
    </form>
  );
}
