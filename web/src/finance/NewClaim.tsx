import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../api/client.ts';
import { ApiError } from '../app/api.ts';
import { Field, FormProblem, SelectField, TextField } from '../app/forms.tsx';
import { Loading, LoadError } from '../app/Page.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { claimInputSchema } from '../../../src/finance/expenses/claimInput.ts';
import { accountName, today } from './books.ts';
import { BooksPage } from './BooksPage.tsx';
import { fileSize, maxReceiptBytes, readAsDataUrl, receiptTypeOf } from './claims.ts';
import { amountHint, formatDecimal, minorToDecimal, parseDecimal } from '../app/money.ts';
import type { Claim, ClaimOptions, Receipt } from '../api/types.ts';
import { t as common } from '../app/messages.ts';
import { t } from './messages.ts';
import { DateField } from '../app/DateField.tsx';

const fields = ['receipt', 'title', 'amount', 'incurredOn', 'category', 'account'];

/** The server names the receipt's parts; the form shows them all at the receipt field. */
function asReceiptProblem(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const receiptPointers = ['/base64', '/contentType', '/name', '/receiptFileId'];
  return new ApiError({
    ...error.problem,
    errors: (error.problem.errors ?? []).map((e) =>
      receiptPointers.some((p) => e.pointer.endsWith(p)) ? { ...e, pointer: '/receipt' } : e,
    ),
  });
}

/** A new expense claim, made for a phone: the receipt's photo first, then the few facts. */
export function NewClaim() {
  const options = useQuery('/api/expenses/options');
  return (
    <BooksPage title={t('newClaim.title')}>
      {options.error ? <LoadError error={options.error} retry={options.reload} /> : null}
      {options.data ? <ClaimForm options={options.data} /> : options.error ? null : <Loading />}
    </BooksPage>
  );
}

function ClaimForm({ options }: { options: ClaimOptions }) {
  const [, navigate] = useLocation();
  const form = useZodForm(claimInputSchema);
  const currency = options.currency;
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<{ file: File; receipt: Receipt } | null>(null);
  const [title, setTitle] = useState('');
  const [amount, setAmount] = useState('');
  const [incurredOn, setIncurredOn] = useState(today());
  const [category, setCategory] = useState('');
  const [account, setAccount] = useState('');
  const intent = useRef<'submit' | 'draft'>('submit');
  const chosen = useRef<'submit' | 'draft'>('submit');
  const [pending, setPending] = useState<'submit' | 'draft'>('submit');
  const accounts = options.accounts.filter((a) => a.path !== 'expenses:salaries');

  // A photo is shown back, so that the claimant sees it is the right receipt.
  useEffect(() => {
    if (!file || !file.type.startsWith('image/')) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  // What the schema cannot hold (the file, and the day and sum the command checks) is checked
  // here, beside the schema's own issues, so one press shows every problem.
  const localChecks = () => {
    const submitting = intent.current === 'submit';
    // Enter in a field submits; it must not repeat an earlier "draft", even a refused one.
    intent.current = 'submit';
    setPending(submitting ? 'submit' : 'draft');
    chosen.current = submitting ? 'submit' : 'draft';
    const local: Record<string, string> = {};
    if (!file && submitting) local.receipt = t('newClaim.attachReceipt');
    const contentType = file ? receiptTypeOf(file) : undefined;
    if (file && !contentType) local.receipt = t('claim.receiptTypes');
    else if (file && file.size > maxReceiptBytes)
      local.receipt = t('newClaim.tooLarge', { size: fileSize(file.size) });
    if (incurredOn && incurredOn > today()) local.incurredOn = t('newClaim.past');
    // The member types the amount in their own notation (12,50 in German); the form turns it
    // into the route's decimal, so a sum it cannot read is the form's to word.
    const minor = parseDecimal(amount, currency);
    if (minor === undefined || minor <= 0n) local.amount = amountHint(currency);
    return local;
  };
  // The amount as typed in the member's notation, sent as the route's decimal when it reads as one.
  const values = () => {
    const minor = parseDecimal(amount, currency);
    return {
      title,
      category,
      account,
      incurredOn,
      amount: minor === undefined ? amount : minorToDecimal(minor, currency),
    };
  };

  const onSubmit = form.submitValid(
    values,
    async (input) => {
      // Which button was pressed, as the checks above read it.
      const submitting = chosen.current === 'submit';
      const contentType = file ? receiptTypeOf(file) : undefined;

      let receiptFileId: string | undefined;
      // A file of another type was refused above, with the form's other problems.
      if (file && contentType) {
        if (uploaded?.file === file) receiptFileId = uploaded.receipt.id;
        else {
          try {
            const receipt = await api.post('/api/expenses/receipts', {
              body: {
                name: file.name || t('claim.receiptName'),
                contentType,
                base64: await readAsDataUrl(file),
              },
            });
            setUploaded({ file, receipt });
            receiptFileId = receipt.id;
          } catch (error) {
            throw asReceiptProblem(error);
          }
        }
      }
      let claim: Claim;
      try {
        claim = await api.post('/api/expenses/claims', {
          body: { ...input, ...(receiptFileId ? { receiptFileId } : {}) },
        });
      } catch (error) {
        throw asReceiptProblem(error);
      }
      if (submitting) {
        try {
          await api.post('/api/expenses/claims/{id}/submit', {
            params: { path: { id: claim.id } },
          });
        } catch {
          // The draft is saved; its page says what is missing.
          navigate(`/books/expenses/${claim.id}?saved=draft`);
          return;
        }
      }
      navigate(`/books/expenses/${claim.id}?saved=${submitting ? 'submitted' : 'draft'}`);
    },
    localChecks,
  );

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form claim-form">
      <FormProblem problem={form.problem} fields={fields} />
      <Field
        label={t('newClaim.receipt')}
        hint={t('newClaim.receiptHint')}
        error={form.error('receipt')}
      >
        {(props) => (
          <input
            {...props}
            type="file"
            accept="image/jpeg,image/png,image/webp,application/pdf"
            className="file-input"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      {file ? (
        <div className="receipt-chosen">
          {preview ? (
            <img src={preview} alt={t('newClaim.chosenAlt')} className="receipt-preview" />
          ) : null}
          <p className="muted">
            {file.name} ({fileSize(file.size)})
          </p>
        </div>
      ) : null}
      <TextField
        label={t('newClaim.amount', { currency })}
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        onChange={setAmount}
        required
        hint={t('newClaim.dualHint', {
          amount: formatDecimal(
            options.dualApprovalAbove.amount,
            options.dualApprovalAbove.currency,
          ),
        })}
        error={form.error('amount')}
      />
      <TextField
        label={t('newClaim.what')}
        value={title}
        onChange={setTitle}
        autoComplete="off"
        required
        maxLength={200}
        error={form.error('title')}
      />
      <DateField
        label={t('newClaim.spentOn')}
        value={incurredOn}
        onChange={setIncurredOn}
        max={today()}
        required
        error={form.error('incurredOn')}
      />
      <TextField
        label={t('newClaim.category')}
        value={category}
        onChange={setCategory}
        list="claim-categories"
        autoComplete="off"
        required
        maxLength={60}
        hint={t('newClaim.categoryFieldHint')}
        error={form.error('category')}
      />
      <datalist id="claim-categories">
        {options.categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <SelectField
        label={t('newClaim.bookTo')}
        value={account}
        onChange={setAccount}
        options={[
          { value: '', label: t('newClaim.chooseExpense') },
          ...accounts.map((a) => ({ value: a.path, label: accountName(a.path) })),
        ]}
        error={form.error('account')}
      />
      <div className="form-actions">
        <button
          type="submit"
          className="button primary"
          onClick={() => (intent.current = 'submit')}
          aria-disabled={form.busy || undefined}
        >
          {form.busy && pending === 'submit' ? common('form.wait') : t('newClaim.submit')}
        </button>
        <button
          type="submit"
          className="button"
          onClick={() => (intent.current = 'draft')}
          aria-disabled={form.busy || undefined}
        >
          {form.busy && pending === 'draft' ? common('form.wait') : t('newClaim.draft')}
        </button>
        <Link href="/books/expenses">{common('form.cancel')}</Link>
      </div>
    </form>
  );
}
