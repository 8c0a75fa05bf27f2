import { useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { api } from '../api/client.ts';
import { ApiError, localProblem } from '../app/api.ts';
import { formatDate, formatDateTime } from '../app/format.ts';
import { Field, FormProblem, Status, SubmitButton, TextField, useForm } from '../app/forms.tsx';
import { Loading, LoadError } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { accountName, today } from './books.ts';
import { BooksPage } from './BooksPage.tsx';
import {
  awaitsApprovalFrom,
  claimStatusLabels,
  fileSize,
  maxReceiptBytes,
  readAsDataUrl,
  receiptTypeOf,
} from './claims.ts';
import { amountHint, formatDecimal, minorToDecimal, parseDecimal } from '../app/money.ts';
import type { Claim } from '../api/types.ts';

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
      <BooksPage title="Expense claim">
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
          <span aria-hidden="true">← </span>All expense claims
        </Link>
      </p>
      {saved === 'submitted' && claim.status !== 'draft' ? (
        <div className="notice notice-success" role="status">
          <p>Your claim was submitted: it now waits for an approver.</p>
        </div>
      ) : saved && claim.status === 'draft' ? (
        <div className="notice notice-warning" role="status">
          <p>
            Your claim is saved as a draft.{' '}
            {claim.receipt ? 'Submit it when it is ready.' : 'Attach the receipt, then submit it.'}
          </p>
        </div>
      ) : null}

      <section aria-labelledby="claim-facts" className="card">
        <h2 id="claim-facts">The claim</h2>
        <dl className="details">
          <dt>Status</dt>
          <dd>
            <span className={`status claim-${claim.status}`}>
              {claimStatusLabels[claim.status]}
            </span>
          </dd>
          <dt>Amount</dt>
          <dd className="claim-amount">{formatDecimal(claim.amount, claim.currency)}</dd>
          <dt>Spent on</dt>
          <dd>{formatDate(claim.incurredOn)}</dd>
          <dt>Category</dt>
          <dd>{claim.category}</dd>
          <dt>Booked to</dt>
          <dd>
            {accountName(claim.account.path)} <span className="muted">({claim.account.path})</span>
          </dd>
          <dt>Claimed by</dt>
          <dd>
            {claim.submittedBy.displayName}
            {claim.submittedAt ? `, submitted ${formatDateTime(claim.submittedAt)}` : ''}
          </dd>
          <dt>Approvals</dt>
          <dd>
            {claim.approvals.length} of {claim.approvalsNeeded} needed
            {claim.approvalsNeeded > 1
              ? ` (above ${formatDecimal(claim.dualApprovalAbove.amount, claim.dualApprovalAbove.currency)}, two people approve)`
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
              <dt>Rejected because</dt>
              <dd className="pre-line">{claim.rejectionReason}</dd>
            </>
          ) : null}
          {claim.paidEntry ? (
            <>
              <dt>Paid</dt>
              <dd>
                {claim.decidedAt ? `${formatDateTime(claim.decidedAt)}, ` : ''}
                {user.can.readEntries ? (
                  <Link href={`/books/entries?before=${claim.paidEntry.number + 1}`}>
                    entry #{claim.paidEntry.number}
                  </Link>
                ) : (
                  `entry #${claim.paidEntry.number}`
                )}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="receipt-heading" className="card">
        <h2 id="receipt-heading">Receipt</h2>
        {claim.receipt ? (
          <>
            {claim.receipt.contentType.startsWith('image/') ? (
              <img
                src={`/api/expenses/claims/${claim.id}/receipt`}
                alt={`The receipt for ${claim.title}`}
                className="receipt-image"
              />
            ) : null}
            <p>
              <a href={`/api/expenses/claims/${claim.id}/receipt`} type={claim.receipt.contentType}>
                Open the receipt
              </a>{' '}
              <span className="muted">
                ({claim.receipt.name}, {fileSize(claim.receipt.size)})
              </span>
            </p>
          </>
        ) : (
          <p className="muted">No receipt attached yet.</p>
        )}
        {mine && claim.status === 'draft' ? (
          <AttachReceipt claim={claim} onDone={() => done('The receipt is attached.')} />
        ) : null}
      </section>

      {mine && claim.status === 'draft' ? (
        <SubmitDraft claim={claim} onDone={() => done('Your claim was submitted.')} />
      ) : null}
      {user.can.decideClaims && awaitsApprovalFrom(claim, user.personId) ? (
        <Decide claim={claim} onDone={done} />
      ) : null}
      {mine && claim.status === 'submitted' ? (
        <p className="muted">Nobody approves their own claim: an approver will decide.</p>
      ) : null}
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
    if (!file) throw localProblem('Choose the receipt.', { receipt: 'choose a photo or a PDF' });
    const contentType = receiptTypeOf(file);
    if (!contentType)
      throw localProblem('Not a receipt.', { receipt: 'a photo (JPEG, PNG or WebP) or a PDF' });
    if (file.size > maxReceiptBytes)
      throw localProblem('Too large.', { receipt: 'a receipt is at most 10 MB' });
    try {
      const receipt = await api.post('/api/expenses/receipts', {
        body: {
          name: file.name || 'receipt',
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
        label={claim.receipt ? 'Replace the receipt' : 'Attach the receipt'}
        hint="A photo or a PDF, up to 10 MB."
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
          Attach
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
      <h2 id="submit-heading">Submit the claim</h2>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} />
        <p>Once submitted, the claim goes to the approvers and can no longer be changed.</p>
        <div className="form-actions">
          <SubmitButton busy={form.busy}>Submit the claim</SubmitButton>
        </div>
      </form>
    </section>
  );
}

function Decide({ claim, onDone }: { claim: Claim; onDone: (message: string) => void }) {
  const approveForm = useForm();
  const rejectForm = useForm();
  const [reason, setReason] = useState('');
  const approve = approveForm.submit(async () => {
    const updated = await api.post('/api/expenses/claims/{id}/approve', {
      params: { path: { id: claim.id } },
    });
    onDone(
      updated.status === 'approved'
        ? 'You approved the claim: it is ready to be paid.'
        : `You approved the claim: it needs ${updated.approvalsNeeded - updated.approvals.length} more approval.`,
    );
  });
  const reject = rejectForm.submit(async () => {
    if (reason.trim().length < 5)
      throw localProblem('Say why.', { reason: 'say why, in at least 5 characters' });
    await api.post('/api/expenses/claims/{id}/reject', {
      params: { path: { id: claim.id } },
      body: { reason: reason.trim() },
    });
    onDone('You rejected the claim; its submitter reads your reason.');
  });
  return (
    <section aria-labelledby="decide-heading" className="card decide">
      <h2 id="decide-heading">Your decision</h2>
      <form ref={approveForm.formRef} onSubmit={approve} noValidate className="form">
        <FormProblem problem={approveForm.problem} />
        <div className="form-actions">
          <SubmitButton busy={approveForm.busy}>
            Approve {formatDecimal(claim.amount, claim.currency)}
          </SubmitButton>
        </div>
      </form>
      <form ref={rejectForm.formRef} onSubmit={reject} noValidate className="form inline-form">
        <FormProblem problem={rejectForm.problem} fields={['reason']} />
        <TextField
          label="Reason for rejecting"
          value={reason}
          onChange={setReason}
          autoComplete="off"
          maxLength={1000}
          error={rejectForm.error('reason')}
        />
        <div className="form-actions">
          <SubmitButton busy={rejectForm.busy} className="button danger">
            Reject the claim
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
  const form = useForm();
  const [paidOn, setPaidOn] = useState(today());
  const [coopAmount, setCoopAmount] = useState('');
  const onSubmit = form.submit(async () => {
    let coop: bigint | undefined;
    if (foreign) {
      coop = parseDecimal(coopAmount, coopCurrency);
      if (coop === undefined || coop <= 0n)
        throw localProblem('Give the amount paid.', { coopAmount: amountHint(coopCurrency) });
    }
    const updated = await api.post('/api/expenses/claims/{id}/pay', {
      params: { path: { id: claim.id } },
      body: {
        paidOn,
        ...(coop !== undefined ? { coopAmount: minorToDecimal(coop, coopCurrency) } : {}),
      },
    });
    onDone(`Paid and booked as entry #${updated.paidEntry?.number ?? '?'}.`);
  });
  return (
    <section aria-labelledby="pay-heading" className="card">
      <h2 id="pay-heading">Pay the claim</h2>
      <p>
        Paying books {formatDecimal(claim.amount, claim.currency)} to {claim.account.path} against
        the bank, once.
      </p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <FormProblem problem={form.problem} fields={['paidOn', 'coopAmount']} />
        <div className="field-row">
          <TextField
            label="Paid on"
            type="date"
            value={paidOn}
            onChange={setPaidOn}
            error={form.error('paidOn')}
          />
          {foreign ? (
            <TextField
              label={`What it cost in ${coopCurrency}`}
              inputMode="decimal"
              autoComplete="off"
              value={coopAmount}
              onChange={setCoopAmount}
              error={form.error('coopAmount')}
            />
          ) : null}
        </div>
        <div className="form-actions">
          <SubmitButton busy={form.busy}>
            Pay {formatDecimal(claim.amount, claim.currency)}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
