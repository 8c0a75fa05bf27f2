import { Link, useSearchParams } from 'wouter';
import { compact } from '../app/api.ts';
import { formatDate } from '../app/format.ts';
import { SelectField } from '../app/forms.tsx';
import { Loading, LoadError } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { InvoicesPage, statusLabels } from './InvoicesPage.tsx';

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
      <InvoicesPage title="Invoices">
        <p className="notice">
          Invoices are for the officers, and for a sponsor’s representatives (their own).
        </p>
      </InvoicesPage>
    );
  return (
    <InvoicesPage
      title="Invoices"
      actions={
        user.can.issueInvoices ? (
          <Link href="/invoices/new" className="button primary">
            New invoice
          </Link>
        ) : null
      }
    >
      <form
        role="search"
        aria-label="Invoices"
        className="filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label="State"
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
            { value: '', label: 'All states' },
            ...filters.map((s) => ({
              value: s,
              label: s === 'overdue' ? 'Overdue' : statusLabels[s]!,
            })),
          ]}
        />
      </form>
      <p className="result-summary" role="status">
        {result.loading
          ? 'Loading invoices…'
          : result.data
            ? invoices.length === 0
              ? 'No invoices.'
              : `${invoices.length} invoice${invoices.length === 1 ? '' : 's'}.`
            : ''}
      </p>
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {result.loading && !result.data ? <Loading /> : null}
      {invoices.length > 0 ? (
        <table className="responsive-table invoices-table">
          <caption className="visually-hidden">Invoices and credit notes, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Buyer</th>
              <th scope="col">Issued</th>
              <th scope="col">Due</th>
              <th scope="col" className="num">
                Total
              </th>
              <th scope="col" className="num">
                Open
              </th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((i) => (
              <tr key={i.id}>
                <td data-label="Number" className="cell-title">
                  <Link href={`/invoices/${i.id}`}>
                    {i.number ?? 'Draft'}
                    {i.kind === 'credit-note' ? ' (credit note)' : ''}
                  </Link>
                </td>
                <td data-label="Buyer">{i.organization.name}</td>
                <td data-label="Issued">{formatDate(i.issueDate)}</td>
                <td data-label="Due">{formatDate(i.dueDate)}</td>
                <td data-label="Total" className="num">
                  {i.gross ? `${i.gross} ${i.currency}` : '—'}
                </td>
                <td data-label="Open" className="num">
                  {i.due ?? '—'}
                </td>
                <td data-label="State">
                  {statusLabels[i.status]}
                  {i.overdue ? <strong> · overdue</strong> : null}
                  {i.disputed ? ' · disputed' : null}
                  {i.heldReason ? (
                    <>
                      {' · '}
                      <strong>held</strong>: {i.heldReason}
                    </>
                  ) : null}
                  {i.period ? (
                    <div className="muted">
                      For {formatDate(i.period.start)} to {formatDate(i.period.end)}
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
