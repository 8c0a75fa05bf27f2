import { Plus, Receipt } from 'lucide-react';
import { EmptyState } from '../app/EmptyState.tsx';
import { Link, useSearchParams } from 'wouter';
import { compact } from '../app/api.ts';
import { formatDate } from '../app/format.ts';
import { CheckboxField, SelectField } from '../app/forms.tsx';
import { Loading, LoadError } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { BooksPage } from './BooksPage.tsx';
import { awaitsApprovalFrom, claimStatuses, claimStatusLabel } from './claims.ts';
import { formatDecimal } from '../app/money.ts';
import { t } from './messages.ts';

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
      title={seesAll && !mine ? t('expenses.titleAll') : t('expenses.titleMine')}
      actions={
        <Link href="/books/expenses/new" className="button primary">
          <Plus className="icon" aria-hidden="true" size={18} />
          {t('expenses.newClaim')}
        </Link>
      }
    >
      <p className="lead">{t('expenses.lead')}</p>
      {forMe > 0 ? (
        <div className="notice notice-warning">
          <p>
            <strong>{t('expenses.awaits', { count: forMe })}</strong>
          </p>
        </div>
      ) : null}
      <form
        role="search"
        aria-label={t('expenses.search')}
        className="filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label={t('expenses.status')}
          value={status}
          onChange={(v) => update({ status: v })}
          options={[
            { value: '', label: t('expenses.allStatuses') },
            ...claimStatuses.map((s) => ({ value: s, label: claimStatusLabel(s) })),
          ]}
        />
        {seesAll ? (
          <div className="filters-submit">
            <CheckboxField
              label={t('expenses.onlyMine')}
              checked={mine}
              onChange={(checked) => update({ mine: checked ? 'true' : '' })}
            />
          </div>
        ) : null}
      </form>
      <p className="result-summary" role="status">
        {result.loading
          ? t('expenses.loading')
          : result.data
            ? claims.length === 0
              ? t('expenses.none')
              : t('expenses.count', { count: claims.length })
            : ''}
      </p>
      {result.data && claims.length === 0 ? (
        <EmptyState title={t('expenses.noneNext')} icon={Receipt} />
      ) : null}
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {result.loading && !result.data ? <Loading /> : null}
      {claims.length > 0 ? (
        <table className="responsive-table claims-table" aria-busy={result.loading || undefined}>
          <caption className="visually-hidden">{t('expenses.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('expenses.claim')}</th>
              {seesAll ? <th scope="col">{t('expenses.by')}</th> : null}
              <th scope="col">{t('expenses.spentOn')}</th>
              <th scope="col">{t('expenses.category')}</th>
              <th scope="col" className="num">
                {t('expenses.amount')}
              </th>
              <th scope="col">{t('expenses.status')}</th>
            </tr>
          </thead>
          <tbody>
            {claims.map((c) => (
              <tr key={c.id}>
                <td data-label={t('expenses.claim')} className="cell-title">
                  <Link href={`/books/expenses/${c.id}`}>{c.title}</Link>
                </td>
                {seesAll ? (
                  <td data-label={t('expenses.by')}>{c.submittedBy.displayName}</td>
                ) : null}
                <td data-label={t('expenses.cellSpentOn')}>{formatDate(c.incurredOn)}</td>
                <td data-label={t('expenses.category')}>{c.category}</td>
                <td data-label={t('expenses.amount')} className="num">
                  {formatDecimal(c.amount, c.currency)}
                </td>
                <td data-label={t('expenses.status')}>
                  <span className={`status claim-${c.status}`}>{claimStatusLabel(c.status)}</span>
                  {c.status === 'submitted' ? (
                    <span className="approval-count">
                      {t('expenses.approvals', {
                        given: c.approvals.length,
                        count: c.approvalsNeeded,
                      })}
                    </span>
                  ) : null}
                  {awaitsApprovalFrom(c, user.personId) && user.can.decideClaims ? (
                    <span className="badge badge-warn">{t('expenses.yours')}</span>
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
