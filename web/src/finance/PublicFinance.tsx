import { Link } from 'wouter';
import { formatDate } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { accountName } from './books.ts';
import { HorizontalBars } from './charts.tsx';
import { formatMoney, ratio, toBigInt } from '../app/money.ts';

function CategoryTable({
  id,
  title,
  rows,
  total,
  currency,
}: {
  id: string;
  title: string;
  rows: { category: string; amount: string }[];
  total: string;
  currency: string;
}) {
  const sorted = [...rows].sort((a, b) =>
    toBigInt(b.amount) > toBigInt(a.amount) ? 1 : toBigInt(b.amount) < toBigInt(a.amount) ? -1 : 0,
  );
  const totalMinor = toBigInt(total);
  const share = (amount: string) =>
    totalMinor > 0n && toBigInt(amount) > 0n
      ? `${Math.round(ratio(amount, totalMinor) * 1000) / 10}%`
      : '—';
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id}>{title}</h2>
      {sorted.length === 0 ? (
        <p className="muted">Nothing in these twelve months.</p>
      ) : (
        <div className="concentration-layout">
          <HorizontalBars
            title={`${title} by category`}
            bars={sorted.map((r) => ({
              key: r.category,
              label: accountName(r.category),
              fraction: totalMinor > 0n ? ratio(r.amount, totalMinor) : 0,
              text: formatMoney(r.amount, currency),
            }))}
          />
          <table className="share-table">
            <caption className="visually-hidden">{title} by category</caption>
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col" className="num">
                  Share
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={r.category}>
                  <th scope="row">{accountName(r.category)}</th>
                  <td className="num">{formatMoney(r.amount, currency)}</td>
                  <td className="num">{share(r.amount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td className="num">{formatMoney(total, currency)}</td>
                <td className="num">{totalMinor > 0n ? '100%' : '—'}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}

/** What the bylaws publish to everyone: income and spending by category over twelve months. */
export function PublicFinance() {
  const { session } = useSession();
  const result = useQuery('/api/public/finance');
  const d = result.data;
  const surplus = d ? toBigInt(d.totals.surplus) : 0n;
  return (
    <Page title={d ? `Finances of ${d.coop}` : 'Finances'}>
      {result.error ? (
        result.error.status === 403 ? (
          <div className="notice">
            <p>
              <strong>The co-op does not publish its finances.</strong> Its bylaws keep the summary
              to members.
            </p>
          </div>
        ) : (
          <LoadError error={result.error} retry={result.reload} />
        )
      ) : null}
      {result.loading && !d ? <Loading /> : null}
      {d ? (
        <>
          <p className="lead">
            Income and spending from {formatDate(d.from)} to {formatDate(d.to)}, by category, as the
            bylaws publish them. Pay appears only as the total of salaries.
          </p>
          <dl className="key-figures card">
            <div>
              <dt>Income</dt>
              <dd>
                <span className="figure-value">{formatMoney(d.totals.income, d.currency)}</span>
              </dd>
            </div>
            <div>
              <dt>Spending</dt>
              <dd>
                <span className="figure-value">{formatMoney(d.totals.expenses, d.currency)}</span>
              </dd>
            </div>
            <div>
              <dt>{surplus < 0n ? 'Deficit' : 'Surplus'}</dt>
              <dd>
                <span className="figure-value">{formatMoney(d.totals.surplus, d.currency)}</span>
              </dd>
            </div>
          </dl>
          <CategoryTable
            id="income-heading"
            title="Income"
            rows={d.income}
            total={d.totals.income}
            currency={d.currency}
          />
          <CategoryTable
            id="spending-heading"
            title="Spending"
            rows={d.spending}
            total={d.totals.expenses}
            currency={d.currency}
          />
          {session.user?.can.readBooks ? (
            <p>
              Members see the full books: <Link href="/books">open the books</Link>.
            </p>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
