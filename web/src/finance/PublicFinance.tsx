import { Link } from 'wouter';
import { formatDate } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useSession } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { accountName } from './books.ts';
import { HorizontalBars } from './charts.tsx';
import { formatMoney, percent, ratio, toBigInt } from '../app/money.ts';
import { t } from './messages.ts';

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
      ? percent(Math.round(ratio(amount, totalMinor) * 1000) / 10)
      : '—';
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id}>{title}</h2>
      {sorted.length === 0 ? (
        <p className="muted">{t('publicFinance.nothing')}</p>
      ) : (
        <div className="concentration-layout">
          <HorizontalBars
            title={t('publicFinance.byCategory', { title })}
            bars={sorted.map((r) => ({
              key: r.category,
              label: accountName(r.category),
              fraction: totalMinor > 0n ? ratio(r.amount, totalMinor) : 0,
              text: formatMoney(r.amount, currency),
            }))}
          />
          <table className="share-table">
            <caption className="visually-hidden">
              {t('publicFinance.byCategory', { title })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('publicFinance.category')}</th>
                <th scope="col" className="num">
                  {t('publicFinance.amount')}
                </th>
                <th scope="col" className="num">
                  {t('publicFinance.share')}
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
                <th scope="row">{t('publicFinance.total')}</th>
                <td className="num">{formatMoney(total, currency)}</td>
                <td className="num">{totalMinor > 0n ? percent(100) : '—'}</td>
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
    <Page title={d ? t('publicFinance.titleOf', { coop: d.coop }) : t('publicFinance.title')}>
      {result.error ? (
        result.error.status === 403 ? (
          <div className="notice">
            <p>
              <strong>{t('publicFinance.notPublished')}</strong>
              {t('publicFinance.notPublishedWhy')}
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
            {t('publicFinance.lead', { from: formatDate(d.from), to: formatDate(d.to) })}
          </p>
          <dl className="key-figures card">
            <div>
              <dt>{t('publicFinance.income')}</dt>
              <dd>
                <span className="figure-value">{formatMoney(d.totals.income, d.currency)}</span>
              </dd>
            </div>
            <div>
              <dt>{t('publicFinance.spending')}</dt>
              <dd>
                <span className="figure-value">{formatMoney(d.totals.expenses, d.currency)}</span>
              </dd>
            </div>
            <div>
              <dt>{surplus < 0n ? t('publicFinance.deficit') : t('publicFinance.surplus')}</dt>
              <dd>
                <span className="figure-value">{formatMoney(d.totals.surplus, d.currency)}</span>
              </dd>
            </div>
          </dl>
          <CategoryTable
            id="income-heading"
            title={t('publicFinance.income')}
            rows={d.income}
            total={d.totals.income}
            currency={d.currency}
          />
          <CategoryTable
            id="spending-heading"
            title={t('publicFinance.spending')}
            rows={d.spending}
            total={d.totals.expenses}
            currency={d.currency}
          />
          {session.user?.can.readBooks ? (
            <p>
              {t('publicFinance.membersSee')}
              <Link href="/books">{t('publicFinance.openBooks')}</Link>.
            </p>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
