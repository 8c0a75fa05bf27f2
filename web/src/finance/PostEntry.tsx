import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../api/client.ts';
import { localProblem } from '../app/api.ts';
import { FormProblem, SelectField, SubmitButton, TextField, useForm } from '../app/forms.tsx';
import { Loading, LoadError } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { today } from './books.ts';
import { BooksPage } from './BooksPage.tsx';
import { amountHint, formatMoney, minorToDecimal, parseDecimal } from '../app/money.ts';
import type { Account } from '../api/types.ts';

interface Row {
  key: number;
  account: string;
  debit: string;
  credit: string;
  currency: string;
  coopAmount: string;
  memo: string;
}

const kinds = [
  { value: 'manual', label: 'Manual' },
  { value: 'expense', label: 'Expense' },
  { value: 'income', label: 'Income' },
  { value: 'transfer', label: 'Transfer' },
  { value: 'adjustment', label: 'Adjustment' },
];

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
    <BooksPage title="Post an entry">
      {!user.can.keepBooks ? (
        <p className="notice">
          Only the keepers of the books (an administrator or the chief economist) post entries.{' '}
          <Link href="/books/entries">See the entries</Link>.
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
  const form = useForm();
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

  const onSubmit = form.submit(async () => {
    const used = rows.filter((r) => !blank(r));
    if (used.length !== rows.length) setRows(used.length >= 2 ? used : rows);
    const sent = used.length >= 2 ? used : rows;
    const local: Record<string, string> = {};
    if (!description.trim()) local.description = 'say what the entry is for';
    if (!effectiveOn) local.effectiveOn = 'choose the day';
    const postings = sent.map((r, i) => {
      if (!r.account) local[`postings.${i}.account`] = 'choose an account';
      const hasDebit = r.debit.trim() !== '';
      const hasCredit = r.credit.trim() !== '';
      const text = hasDebit ? r.debit : r.credit;
      const minor = parseDecimal(text, r.currency);
      if (hasDebit && hasCredit)
        local[`postings.${i}.amount`] = 'fill in the debit or the credit, not both';
      else if (!hasDebit && !hasCredit)
        local[`postings.${i}.amount`] = 'fill in a debit or a credit';
      else if (minor === undefined) local[`postings.${i}.amount`] = amountHint(r.currency);
      const foreign = r.currency !== coopCurrency;
      const coopMinor = foreign ? parseDecimal(r.coopAmount, coopCurrency) : undefined;
      if (foreign && coopMinor === undefined)
        local[`postings.${i}.coopAmount`] = amountHint(coopCurrency);
      const sign = hasCredit && !hasDebit ? -1n : 1n;
      return {
        account: r.account,
        amount: minorToDecimal((minor ?? 0n) * sign, r.currency),
        ...(foreign
          ? {
              currency: r.currency,
              coopAmount: minorToDecimal((coopMinor ?? 0n) * sign, coopCurrency),
            }
          : {}),
        ...(r.memo.trim() ? { memo: r.memo.trim() } : {}),
      };
    });
    if (sent.length < 2) local.postings = 'an entry needs at least two postings';
    else if (Object.keys(local).length === 0 && !balanced)
      local.postings =
        coopSum !== 0n
          ? `debits ${formatMoney(debitTotal, coopCurrency)} and credits ${formatMoney(creditTotal, coopCurrency)} differ by ${formatMoney(coopSum < 0n ? -coopSum : coopSum, coopCurrency)}`
          : foreignOff.length > 0
            ? `the ${foreignOff.map(([c]) => c).join(' and ')} postings do not sum to zero`
            : 'the entry moves no money';
    if (Object.keys(local).length > 0)
      throw localProblem(
        local.postings ? 'The entry does not balance.' : 'Please check the entry.',
        local,
      );
    const result = await api.post('/api/ledger/entries', {
      body: {
        effectiveOn,
        kind,
        description: description.trim(),
        postings,
      },
    });
    navigate(`/books/entries?posted=${result.number}`);
  });

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
    { value: '', label: 'Choose an account…' },
    ...accounts.map((a) => ({ value: a.path, label: `${a.code} ${a.path}` })),
  ];

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form entry-form">
      <FormProblem problem={form.problem} fields={fields} />
      <div className="field-row">
        <TextField
          label="Date"
          type="date"
          value={effectiveOn}
          onChange={setEffectiveOn}
          required
          error={form.error('effectiveOn')}
        />
        <SelectField
          label="Kind"
          value={kind}
          onChange={setKind}
          options={kinds}
          error={form.error('kind')}
        />
      </div>
      <TextField
        label="Description"
        value={description}
        onChange={setDescription}
        autoComplete="off"
        required
        maxLength={500}
        error={form.error('description')}
      />

      <fieldset className="postings-fieldset">
        <legend>Postings</legend>
        <p className="hint">
          Debits on the left, credits on the right: money arriving in the bank is a debit of the
          bank; an expense is a debit of the expense account and a credit of the bank.
        </p>
        <ol className="posting-rows" ref={list}>
          {rows.map((row, i) => {
            const amountError = form.error(`postings.${i}.amount`);
            const creditHasError = !row.debit.trim() && row.credit.trim() !== '';
            const bothFilled = row.debit.trim() !== '' && row.credit.trim() !== '';
            return (
              <li key={row.key} className="posting-row">
                <fieldset className="posting">
                  <legend className="posting-legend">Posting {i + 1}</legend>
                  <SelectField
                    label="Account"
                    value={row.account}
                    onChange={(v) => change(row.key, { account: v })}
                    options={accountOptions}
                    className="posting-account-field"
                    error={form.error(`postings.${i}.account`)}
                  />
                  <TextField
                    label={`Debit (${row.currency})`}
                    inputMode="decimal"
                    autoComplete="off"
                    value={row.debit}
                    onChange={(v) => change(row.key, { debit: v })}
                    className="posting-amount"
                    error={!creditHasError && !bothFilled ? amountError : undefined}
                  />
                  <TextField
                    label={`Credit (${row.currency})`}
                    inputMode="decimal"
                    autoComplete="off"
                    value={row.credit}
                    onChange={(v) => change(row.key, { credit: v })}
                    className="posting-amount"
                    error={creditHasError || bothFilled ? amountError : undefined}
                  />
                  <SelectField
                    label="Currency"
                    value={row.currency}
                    onChange={(v) => change(row.key, { currency: v })}
                    options={currencies.map((c) => ({ value: c, label: c }))}
                    className="posting-currency"
                    error={form.error(`postings.${i}.currency`)}
                  />
                  {row.currency !== coopCurrency ? (
                    <TextField
                      label={`In ${coopCurrency}`}
                      hint="The same amount in the co-op’s currency."
                      inputMode="decimal"
                      autoComplete="off"
                      value={row.coopAmount}
                      onChange={(v) => change(row.key, { coopAmount: v })}
                      className="posting-amount"
                      error={form.error(`postings.${i}.coopAmount`)}
                    />
                  ) : null}
                  <TextField
                    label="Memo"
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
                      Remove<span className="visually-hidden"> posting {i + 1}</span>
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div className="form-actions">
          <button type="button" className="button" onClick={addRow}>
            Add a posting
          </button>
        </div>
        <div
          className={`balance-check${balanced ? ' balanced' : ' unbalanced'}${postingsError ? ' field-invalid' : ''}`}
          id="balance-check"
          ref={balanceCheck}
          tabIndex={-1}
        >
          <p>
            Debits <strong>{formatMoney(debitTotal, coopCurrency)}</strong>, credits{' '}
            <strong>{formatMoney(creditTotal, coopCurrency)}</strong>:{' '}
            {unreadable
              ? 'an amount is not readable yet.'
              : coopSum === 0n && foreignOff.length === 0
                ? debitTotal > 0n
                  ? 'balanced.'
                  : 'nothing entered yet.'
                : coopSum !== 0n
                  ? `off by ${formatMoney(coopSum < 0n ? -coopSum : coopSum, coopCurrency)} (${coopSum > 0n ? 'more debits' : 'more credits'}).`
                  : `the ${foreignOff.map(([c]) => c).join(' and ')} postings do not sum to zero.`}
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
        <SubmitButton busy={form.busy}>Post the entry</SubmitButton>
        <Link href="/books/entries">Cancel</Link>
      </div>
    </form>
  );
}
