import { Link, useSearchParams } from 'wouter';
import { compact } from '../app/api.ts';
import { formatDate } from '../app/format.ts';
import { CheckboxField, SelectField } from '../app/forms.tsx';
import { Loading, LoadError } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { BooksPage } from './BooksPage.tsx';
import { awaitsApprovalFrom, claimStatuses, claimStatusLabels } from './claims.ts';
import { formatDecimal } from '../app/money.ts';

/** Expense claims: one's own, or everyone's for officers, with what awaits whom. */
export function Expenses() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const status = claimStatuses.find((s) => s === params.get('status')) ?? '';
  const seesAll = user.can.seeAllClaims;
  const mine = !seesAll || params.get('mine') === 'true';
  const result = useQuery('/api/expenses/claims', {
    params: {
      query: compact({
        status: status || undefined,
        mine: seesAll && mine ? ('true' as const) : undefined,
      }),
    },
  });
  const claims = result.data?.claims ?? [];
  const forMe = user.can.decideClaims
    ? claims.filter((c) => awaitsApprovalFrom(c, user.personId)).length
    : 0;

  const update = (changes: Record<string, string>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });

  return (
    <BooksPage
      title={seesAll && !mine ? 'Expense claims' : 'Your expense claims'}
      actions={
        <Link href="/books/expenses/new" className="button primary">
          New claim
        </Link>
      }
    >
      <p className="lead">
        Spent your own money for the co-op? Claim it with a photo of the receipt; once approved, the
        co-op pays it back and books it.
      </p>
      {forMe > 0 ? (
        <div className="notice notice-warning">
          <p>
            <strong>
              {forMe === 1 ? '1 claim awaits' : `${forMe} claims await`} your approval.
            </strong>
          </p>
        </div>
      ) : null}
      <form
        role="search"
        aria-label="Expense claims"
        className="filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label="Status"
          value={status}
          onChange={(v) => update({ status: v })}
          options={[
            { value: '', label: 'All statuses' },
            ...claimStatuses.map((s) => ({ value: s, label: claimStatusLabels[s] })),
          ]}
        />
        {seesAll ? (
          <div className="filters-submit">
            <CheckboxField
              label="Only my own claims"
              checked={mine}
              onChange={(checked) => update({ mine: checked ? 'true' : '' })}
            />
          </div>
        ) : null}
      </form>
      <p className="result-summary" role="status">
        {result.loading
          ? 'Loading claims…'
          : result.data
            ? claims.length === 0
              ? 'No claims.'
              : `${claims.length} claim${claims.length === 1 ? '' : 's'}.`
            : ''}
      </p>
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {result.loading && !result.data ? <Loading /> : null}
      {claims.length > 0 ? (
        <table className="responsive-table claims-table" aria-busy={result.loading || undefined}>
          <caption className="visually-hidden">Expense claims, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              {seesAll ? <th scope="col">By</th> : null}
              <th scope="col">Spent on</th>
              <th scope="col">Category</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {claims.map((c) => (
              <tr key={c.id}>
                <td data-label="Claim" className="cell-title">
                  <Link href={`/books/expenses/${c.id}`}>{c.title}</Link>
                </td>
                {seesAll ? <td data-label="By">{c.submittedBy.displayName}</td> : null}
                <td data-label="Spent on">{formatDate(c.incurredOn)}</td>
                <td data-label="Category">{c.category}</td>
                <td data-label="Amount" className="num">
                  {formatDecimal(c.amount, c.currency)}
                </td>
                <td data-label="Status">
                  <span className={`status claim-${c.status}`}>{claimStatusLabels[c.status]}</span>
                  {c.status === 'submitted' ? (
                    <span className="approval-count">
                      {c.approvals.length} of {c.approvalsNeeded} approval
                      {c.approvalsNeeded === 1 ? '' : 's'}
                    </span>
                  ) : null}
                  {awaitsApprovalFrom(c, user.personId) && user.can.decideClaims ? (
                    <span className="badge badge-warn">yours to decide</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </BooksPage>
  );
}
