import { Link } from 'wouter';
import { formatDate } from '../app/format.ts';
import { Loading, LoadError, Page } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { quoteStatusLabel } from './types.ts';
import { formatDecimal } from '../app/money.ts';
import { t } from './messages.ts';

/** Quotes: every one for officers and hackers, a sponsor's own for its representatives. */
export function Quotes() {
  const user = useUser();
  const list = useQuery('/api/quotes');
  const quotes = list.data?.quotes ?? [];
  return (
    <Page
      title={t('quotes.title')}
      actions={
        user.can.manageAgreements ? (
          <Link href="/quotes/new" className="button">
            {t('quotes.new')}
          </Link>
        ) : null
      }
    >
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data && quotes.length === 0 ? <p className="muted">{t('quotes.none')}</p> : null}
      {quotes.length > 0 ? (
        <table className="responsive-table">
          <caption className="visually-hidden">{t('quotes.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('quotes.number')}</th>
              <th scope="col">{t('quotes.for')}</th>
              <th scope="col">{t('quotes.titleColumn')}</th>
              <th scope="col" className="num">
                {t('quotes.firstTerm')}
              </th>
              <th scope="col">{t('quotes.validUntil')}</th>
              <th scope="col">{t('quotes.state')}</th>
            </tr>
          </thead>
          <tbody>
            {quotes.map((q) => (
              <tr key={q.id}>
                <td data-label={t('quotes.number')} className="cell-title">
                  <Link href={`/quotes/${q.id}`}>{q.number}</Link>
                </td>
                <td data-label={t('quotes.for')}>{q.organizationName}</td>
                <td data-label={t('quotes.titleColumn')}>{q.title}</td>
                <td data-label={t('quotes.firstTerm')} className="num">
                  {formatDecimal(q.termTotal, q.currency)}
                </td>
                <td data-label={t('quotes.validUntil')}>{formatDate(q.validUntil)}</td>
                <td data-label={t('quotes.state')}>{quoteStatusLabel(q.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
