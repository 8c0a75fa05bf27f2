import { useState } from 'react';
import { CoopAmountField } from './CoopAmountField.tsx';
import { Link, useSearchParams } from 'wouter';
import { coopAmountMissing } from '../../../src/finance/coopAmountRule.ts';
import {
  paymentInputSchema,
  rejectionInputSchema,
} from '../../../src/finance/expenses/decisionInput.ts';
import { api } from '../api/client.ts';
import { ApiError, localProblem, refusalFieldErrors } from '../app/api.ts';
import { formatDate, formatDateTime } from '../app/format.ts';
import { Field, FormProblem, Status, SubmitButton, TextField, useForm } from '../app/forms.tsx';
import { Loading, LoadError } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { accountName, today } from './books.ts';
import { BooksPage } from './BooksPage.tsx';
import {
  awaitsApprovalFrom,
  claimStatusLabel,
  fileSize,
  maxReceiptBytes,
  readAsDataUrl,
  receiptTypeOf,
} from './claims.ts';
import { enteredDecimal, enteredPositiveProblem, formatDecimal } from '../app/money.ts';
import type { Claim } from '../api/types.ts';
import { t } from './messages.ts';
import { DateField } from '../app/DateField.tsx';

/** One expense claim: its facts, its receipt, its approvals, and what can be done next. */
export function ClaimPage({ id }: { id: string }) {
  const user = useUser();
  const [params] = useSearchParams();
  const saved = params.get('saved');
  const result = useQuery('/api/expenses/claims/{id}', { params: { path: { id } } });
  const [message, setMessage] = useState<string | null>(null);
  const claim = result.data;

  if (!claim)
    return (
      <BooksPage title={t('claim.title')}>
        {result.error ? <LoadError error={result.error} retry={result.reload} /> : <Loading />}
      </BooksPage>
    );

  const mine = claim.submittedBy.id === user.personId;
  const done = (text: string) => {
    setMessage(text);
    result.reload();
  };

  return (
    <BooksPage title={claim.title}>
      <p>
        <Link href="/books/expenses">
          <span aria-hidden="true">← </span>
          {t('claim.all')}
        </Link>
      </p>
      {saved === 'submitted' && claim.status !== 'draft' ? (
        <div className="notice notice-success" role="status">
          <p>{t('claim.submitted')}</p>
        </div>
      ) : saved && claim.status === 'draft' ? (
        <div className="notice notice-warning" role="status">
          <p>
            {t('claim.draft')}{' '}
            {claim.receipt ? t('claim.submitWhenReady') : t('claim.attachThenSubmit')}
          </p>
        </div>
      ) : null}

      <section aria-labelledby="claim-facts" className="card">
        <h2 id="claim-facts">{t('claim.facts')}</h2>
        <dl className="details">
          <dt>{t('claim.status')}</dt>
          <dd>
            <span className={`status claim-${claim.status}`}>{claimStatusLabel(claim.status)}</span>
          </dd>
          <dt>{t('claim.amount')}</dt>
          <dd className="claim-amount">{formatDecimal(claim.amount, claim.currency)}</dd>
          <dt>{t('claim.spentOn')}</dt>
          <dd>{formatDate(claim.incurredOn)}</dd>
          <dt>{t('claim.category')}</dt>
          <dd>{claim.category}</dd>
          <dt>{t('claim.bookedTo')}</dt>
          <dd>
            {accountName(claim.account.path)} <span className="muted">({claim.account.path})</span>
          </dd>
          <dt>{t('claim.claimedBy')}</dt>
          <dd>
            {claim.submittedBy.displayName}
            {claim.submittedAt
              ? t('claim.submittedAt', { at: formatDateTime(claim.submittedAt) })
              : ''}
          </dd>
          <dt>{t('claim.approvals')}</dt>
          <dd>
            {t('claim.approvalsCount', {
              given: claim.approvals.length,
              needed: claim.approvalsNeeded,
            })}
            {claim.approvalsNeeded > 1
              ? t('claim.dual', {
                  amount: formatDecimal(
                    claim.dualApprovalAbove.amount,
                    claim.dualApprovalAbove.currency,
                  ),
                })
              : ''}
            {claim.approvals.length > 0 ? (
              <ul className="plain-list compact">
                {claim.approvals.map((a) => (
                  <li key={a.approverId}>
                    {a.displayName}, {formatDateTime(a.approvedAt)}
                  </li>
                ))}
              </ul>
            ) : null}
          </dd>
          {claim.rejectionReason ? (
            <>
              <dt>{t('claim.rejectedBecause')}</dt>
              <dd className="pre-line">{claim.rejectionReason}</dd>
            </>
          ) : null}
          {claim.paidEntry ? (
            <>
              <dt>{t('claim.paid')}</dt>
              <dd>
                {claim.decidedAt ? `${formatDateTime(claim.decidedAt)}, ` : ''}
                {user.can.readEntries ? (
                  <Link href={`/books/entries?before=${claim.paidEntry.number + 1}`}>
                    {t('claim.entry', { entry: claim.paidEntry.number })}
                  </Link>
                ) : (
                  t('claim.entry', { entry: claim.paidEntry.number })
                )}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="receipt-heading" className="card">
        <h2 id="receipt-heading">{t('claim.receipt')}</h2>
        {claim.receipt ? (
          <>
            {claim.receipt.contentType.startsWith('image/') ? (
              <img
                src={`/api/expenses/claims/${claim.id}/receipt`}
                alt={t('claim.receiptAlt', { title: claim.title })}
                className="receipt-image"
              />
            ) : null}
            <p>
              <a href={`/api/expenses/claims/${claim.id}/receipt`} type={claim.receipt.contentType}>
                {t('claim.openReceipt')}
              </a>{' '}
              <span className="muted">
                ({claim.receipt.name}, {fileSize(claim.receipt.size)})
              </span>
            </p>
          </>
        ) : (
          <p className="muted">{t('claim.noReceipt')}</p>
        )}
        {mine && claim.status === 'draft' ? (
          <AttachReceipt claim={claim} onDone={() => done(t('claim.attached'))} />
        ) : null}
      </section>

      {mine && claim.status === 'draft' ? (
        <SubmitDraft claim={claim} onDone={() => done(t('claim.wasSubmitted'))} />
      ) : null}
      {user.can.decideClaims && awaitsApprovalFrom(claim, user.personId) ? (
        <Decide claim={claim} onDone={done} />
      ) : null}
      {mine && claim.status === 'submitted' ? <p className="muted">{t('claim.ownClaim')}</p> : null}
      {user.can.payClaims && claim.status === 'approved' ? (
        <Pay claim={claim} onDone={done} />
      ) : null}
      <Status message={message} />
    </BooksPage>
  );
}

function AttachReceipt({ claim, onDone }: { claim: Claim; onDone: () => void }) {
  const form = useForm();
  const [file, setFile] = useState<File | null>(null);
  const onSubmit = form.submit(async () => {
    if (!file)
      throw localProblem(t('claim.chooseReceipt'), { receipt: t('claim.chooseReceiptField') });
    const contentType = receiptTypeOf(file);
    if (!contentType)
      throw localProblem(t('claim.notReceipt'), { receipt: t('claim.receiptTypes') });
    if (file.size > maxReceiptBytes)
      throw localProblem(t('claim.tooLarge'), { receipt: t('claim.tooLargeField') });
    try {
      const receipt = await api.post('/api/expenses/receipts', {
        body: {
          name: file.name || t('claim.receiptName'),
          contentType,
          base64: await readAsDataUrl(file),
        },
      });
      await api.patch('/api/expenses/claims/{id}', {
        params: { path: { id: claim.id } },
        body: { receiptFileId: receipt.id },
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      throw new ApiError({
        ...error.problem,
        errors: (error.problem.errors ?? []).map((e) => ({ ...e, pointer: '/receipt' })),
      });
    }
    onDone();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <FormProblem problem={form.problem} fields={['receipt']} />
      <Field
        label={claim.receipt ? t('claim.replace') : t('claim.attach')}
        hint={t('claim.attachHint')}
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
      <div className="form-actions">
        <SubmitButton busy={form.busy} className="button">
          {t('claim.attachButton')}
        </SubmitButton>
      </div>
    </form>
  );
}

function SubmitDraft({ claim, onDone }: { claim: Claim; onDone: () => void }) {
  const form = useForm();
  const onSubmit = form.submit(async () => {
    await api.post('/api/expenses/claims/{id}/submit', { params: { path: { id: claim.id } } });
    onDone();
  });
  return (
    <section aria-labelledby="submit-heading" className="card">
      <h2 id="submit-heading">{t('claim.submitTitle')}</h2>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} />
        <p>{t('claim.submitExplain')}</p>
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('claim.submitTitle')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}

function Decide({ claim, onDone }: { claim: Claim; onDone: (message: string) => void }) {
  const approveForm = useForm();
  const rejectForm = useZodForm(rejectionInputSchema);
  const [reason, setReason] = useState('');
  const approve = approveForm.submit(async () => {
    const updated = await api.post('/api/expenses/claims/{id}/approve', {
      params: { path: { id: claim.id } },
    });
    onDone(
      updated.status === 'approved'
        ? t('claim.approvedReady')
        : t('claim.approvedMore', {
            count: updated.approvalsNeeded - updated.approvals.length,
          }),
    );
  });
  // A reason of fewer than five characters is the route's schema's to refuse, in its words.
  const reject = rejectForm.submitValid(
    () => ({ reason }),
    async (body) => {
      await api.post('/api/expenses/claims/{id}/reject', {
        params: { path: { id: claim.id } },
        body,
      });
      onDone(t('claim.rejected'));
    },
  );
  return (
    <section aria-labelledby="decide-heading" className="card decide">
      <h2 id="decide-heading">{t('claim.decision')}</h2>
      <form ref={approveForm.formRef} onSubmit={approve} noValidate className="form">
        <FormProblem problem={approveForm.problem} />
        <div className="form-actions">
          <SubmitButton busy={approveForm.busy}>
            {t('claim.approve', { amount: formatDecimal(claim.amount, claim.currency) })}
          </SubmitButton>
        </div>
      </form>
      <form ref={rejectForm.formRef} onSubmit={reject} noValidate className="form inline-form">
        <FormProblem problem={rejectForm.problem} fields={['reason']} />
        <TextField
          label={t('claim.rejectReason')}
          value={reason}
          onChange={setReason}
          autoComplete="off"
          maxLength={1000}
          error={rejectForm.error('reason')}
        />
        <div className="form-actions">
          <SubmitButton busy={rejectForm.busy} className="button danger">
            {t('claim.reject')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

function Pay({ claim, onDone }: { claim: Claim; onDone: (message: string) => void }) {
  const { session } = useSession();
  const coopCurrency = session.coop?.currency ?? 'EUR';
  const foreign = claim.currency !== coopCurrency;
  const form = useZodForm(paymentInputSchema);
  const [paidOn, setPaidOn] = useState(today());
  const [coopAmount, setCoopAmount] = useState('');
  // What the payment cost in the co-op's currency is typed in the member's notation and sent as
  // the route's decimal; a foreign claim without it is the command's refusal, made here by its
  // own rule (coopAmountMissing) before sending. A day left empty is today's, as the route says.
  const typed = () => (foreign ? coopAmount.trim() : '');
  const onSubmit = form.submitValid(
    () => ({
      paidOn: paidOn || undefined,
      coopAmount: typed() ? enteredDecimal(typed(), coopCurrency) : undefined,
    }),
    async (body) => {
      const updated = await api.post('/api/expenses/claims/{id}/pay', {
        params: { path: { id: claim.id } },
        body,
      });
      onDone(t('claim.paidAs', { entry: updated.paidEntry?.number ?? '?' }));
    },
    () => {
      const unread = enteredPositiveProblem(typed(), coopCurrency);
      if (unread) return { coopAmount: unread };
      const missing = coopAmountMissing('claim', {
        currency: claim.currency,
        coopCurrency,
        coopAmount: typed() || undefined,
      });
      return missing ? refusalFieldErrors(missing) : {};
    },
  );
  return (
    <section aria-labelledby="pay-heading" className="card">
      <h2 id="pay-heading">{t('claim.payTitle')}</h2>
      <p>
        {t('claim.payExplain', {
          amount: formatDecimal(claim.amount, claim.currency),
          account: claim.account.path,
        })}
      </p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={['paidOn', 'coopAmount']} />
        <div className="field-row">
          <DateField
            label={t('claim.paidOn')}
            value={paidOn}
            onChange={setPaidOn}
            error={form.error('paidOn')}
          />
          <CoopAmountField
            foreign={foreign}
            label={t('claim.costIn', { currency: coopCurrency })}
            value={coopAmount}
            onChange={setCoopAmount}
            error={form.error('coopAmount')}
          />
        </div>
        <div className="form-actions">
          <SubmitButton busy={form.busy}>
            {t('claim.pay', { amount: formatDecimal(claim.amount, claim.currency) })}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
