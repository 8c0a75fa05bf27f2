import { Plus, Receipt } from 'lucide-react';
import { EmptyState } from '../app/EmptyState.tsx';
import { Link, useSearchParams } from 'wouter';
import { compact } from '../app/api.ts';
import { formatDate } from '../app/format.ts';
import { SelectField } from '../app/forms.tsx';
import { Loading, LoadError } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { formatDecimal } from '../app/money.ts';
import { InvoicesPage, statusLabel } from './InvoicesPage.tsx';
import { t } from './messages.ts';

const filters = [
  'draft',
  'open',
  'overdue',
  'partially-paid',
  'paid',
  'overpaid',
  'credited',
  'applied',
] as const;

/** Invoices and credit notes by state: the officers' list, or a sponsor's own. */
export function Invoices() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const status = filters.find((s) => s === params.get('status')) ?? '';
  const result = useQuery(user.can.readInvoices ? '/api/invoices' : null, {
    params: { query: compact({ status: status || undefined }) },
  });
  const invoices = result.data?.invoices ?? [];
  if (!user.can.readInvoices)
    return (
      <InvoicesPage title={t('list.title')}>
        <p className="notice">{t('list.forOfficers')}</p>
      </InvoicesPage>
    );
  return (
    <InvoicesPage
      title={t('list.title')}
      actions={
        user.can.issueInvoices ? (
          <Link href="/invoices/new" className="button primary">
            <Plus className="icon" aria-hidden="true" size={18} />
            {t('nav.newInvoice')}
          </Link>
        ) : null
      }
    >
      <form
        role="search"
        aria-label={t('nav.label')}
        className="filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label={t('columns.state')}
          value={status}
          onChange={(v) =>
            setParams((prev) => {
              const next = new URLSearchParams(prev);
              if (v) next.set('status', v);
              else next.delete('status');
              return next;
            })
          }
          options={[
            { value: '', label: t('list.allStates') },
            ...filters.map((s) => ({
              value: s,
              label: statusLabel(s),
            })),
          ]}
        />
      </form>
      <p className="result-summary" role="status">
        {result.loading
          ? t('list.loading')
          : result.data
            ? invoices.length === 0
              ? t('list.none')
              : t('list.count', { count: invoices.length })
            : ''}
      </p>
      {result.data && invoices.length === 0 ? (
        <EmptyState title={t('list.noneNext')} icon={Receipt} />
      ) : null}
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {result.loading && !result.data ? <Loading /> : null}
      {invoices.length > 0 ? (
        <table className="responsive-table invoices-table">
          <caption className="visually-hidden">{t('list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.number')}</th>
              <th scope="col">{t('columns.buyer')}</th>
              <th scope="col">{t('columns.issued')}</th>
              <th scope="col">{t('columns.due')}</th>
              <th scope="col" className="num">
                {t('columns.total')}
              </th>
              <th scope="col" className="num">
                {t('columns.open')}
              </th>
              <th scope="col">{t('columns.state')}</th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((i) => (
              <tr key={i.id}>
                <td data-label={t('columns.number')} className="cell-title">
                  <Link href={`/invoices/${i.id}`}>
                    {i.number ?? t('list.draft')}
                    {i.kind === 'credit-note' ? t('flags.creditNote') : ''}
                  </Link>
                </td>
                <td data-label={t('columns.buyer')}>{i.organization.name}</td>
                <td data-label={t('columns.issued')}>{formatDate(i.issueDate)}</td>
                <td data-label={t('columns.due')}>{formatDate(i.dueDate)}</td>
                <td data-label={t('columns.total')} className="num">
                  {i.gross ? formatDecimal(i.gross, i.currency) : '—'}
                </td>
                <td data-label={t('columns.open')} className="num">
                  {i.due === null ? '—' : formatDecimal(i.due, i.currency)}
                </td>
                <td data-label={t('columns.state')}>
                  {statusLabel(i.status)}
                  {i.overdue ? <strong>{t('flags.overdue')}</strong> : null}
                  {i.disputed ? t('flags.disputed') : null}
                  {i.heldReason ? (
                    <>
                      {' · '}
                      <strong>{t('flags.held')}</strong>: {i.heldReason}
                    </>
                  ) : null}
                  {i.period ? (
                    <div className="muted">
                      {t('list.period', {
                        start: formatDate(i.period.start),
                        end: formatDate(i.period.end),
                      })}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </InvoicesPage>
  );
}
