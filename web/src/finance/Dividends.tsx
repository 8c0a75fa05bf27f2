import { PiggyBank } from 'lucide-react';
import { Link } from 'wouter';
import { EmptyState } from '../app/EmptyState.tsx';
import { classLabel, formatDate } from '../app/format.ts';
import { Loading, LoadError } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { dividendSteps, shareBasis } from './dividendWords.ts';
import { BooksPage } from './BooksPage.tsx';
import { formatDecimal } from '../app/money.ts';
import type { Dividend } from '../api/types.ts';
import { InLog } from '../transparency/InLog.tsx';
import { t } from './messages.ts';

const pdfHref = (d: Dividend) => `/api/ledger/dividends/${d.id}/notice.pdf`;

/** Dividend notices with their arithmetic: one's own, or (for officers) everyone's. */
export function Dividends() {
  const user = useUser();
  const result = useQuery('/api/ledger/dividends');
  const dividends = result.data?.dividends ?? [];
  // The server shows officers every notice, as it does the journal (readEntries).
  const seesAll = user.can.readEntries;
  const years = [...new Set(dividends.map((d) => d.fiscalYear))].sort((a, b) => b - a);

  return (
    <BooksPage title={seesAll ? t('dividends.title') : t('dividends.titleOwn')}>
      <p className="lead">{t('dividends.lead')}</p>
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {result.loading && !result.data ? <Loading /> : null}
      {result.data && dividends.length === 0 ? (
        <EmptyState
          title={seesAll ? t('dividends.noneYet') : t('dividends.noneOwn')}
          next={seesAll ? t('dividends.noneYetNext') : t('dividends.noneOwnNext')}
          icon={PiggyBank}
          action={
            user.can.keepBooks ? (
              <Link href="/books/year-end" className="button">
                {t('dividends.closeYear')}
              </Link>
            ) : null
          }
        />
      ) : null}
      {years.map((year) => {
        const notices = dividends.filter((d) => d.fiscalYear === year);
        const first = notices[0]!;
        return (
          <section key={year} aria-labelledby={`year-${year}`} className="card">
            <h2 id={`year-${year}`}>{t('dividends.fiscalYear', { year })}</h2>
            <p className="muted">
              {t('dividends.period', {
                from: formatDate(first.fromDay),
                to: formatDate(first.toDay),
                surplus: formatDecimal(first.surplus, first.currency),
              })}
            </p>
            {seesAll ? (
              <NoticeTable notices={notices} year={year} />
            ) : (
              notices.map((d) => <OwnNotice key={d.id} notice={d} />)
            )}
            <details className="arithmetic">
              <summary>{t('dividends.howShared', { year })}</summary>
              <div className="arithmetic-body">
                <ol className="explanation">
                  {dividendSteps(first.basis, first.currency).map((s, i) => (
                    <li key={i}>{s}</li>
                  ))}
                </ol>
              </div>
            </details>
          </section>
        );
      })}
    </BooksPage>
  );
}

function OwnNotice({ notice: d }: { notice: Dividend }) {
  const money = (decimal: string) => formatDecimal(decimal, d.currency);
  return (
    <article
      className="dividend-notice"
      aria-label={t('dividends.noticeOf', { recipient: d.recipient })}
    >
      <h3>{d.recipient}</h3>
      <dl className="key-figures">
        <div>
          <dt>{t('dividends.dividend')}</dt>
          <dd>
            <span className="figure-value dividend-amount">{money(d.amount)}</span>
            <span className="figure-note">
              {t('dividends.forBasis', { basis: shareBasis(d.basis, d.currency) })}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('dividends.paidInCash')}</dt>
          <dd>
            <span className="figure-value dividend-cash">{money(d.cash)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('dividends.retained')}</dt>
          <dd>
            <span className="figure-value dividend-retained">{money(d.retained)}</span>
            <span className="figure-note">{t('dividends.retainedNote')}</span>
          </dd>
        </div>
      </dl>
      <p>
        <a href={pdfHref(d)} className="button" type="application/pdf">
          {t('dividends.pdf')}
          <span className="visually-hidden">{t('dividends.pdfOwn', { year: d.fiscalYear })}</span>
        </a>
      </p>
      <InLog
        subjectType="dividend"
        subjectId={d.id}
        eventType="dividend.declared"
        proofHref={`/api/ledger/dividends/${d.id}/proof`}
      />
    </article>
  );
}

function NoticeTable({ notices, year }: { notices: Dividend[]; year: number }) {
  return (
    <table className="responsive-table notices-table">
      <caption className="visually-hidden">{t('dividends.noticesOf', { year })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dividends.recipient')}</th>
          <th scope="col">{t('dividends.class')}</th>
          <th scope="col">{t('dividends.basis')}</th>
          <th scope="col" className="num">
            {t('dividends.dividend')}
          </th>
          <th scope="col" className="num">
            {t('dividends.cash')}
          </th>
          <th scope="col" className="num">
            {t('dividends.retainedShort')}
          </th>
          <th scope="col">{t('dividends.notice')}</th>
        </tr>
      </thead>
      <tbody>
        {notices.map((d) => (
          <tr key={d.id}>
            <td data-label={t('dividends.recipient')} className="cell-title">
              {d.recipient}
            </td>
            <td data-label={t('dividends.class')}>{classLabel(d.memberClass)}</td>
            <td data-label={t('dividends.basis')}>{shareBasis(d.basis, d.currency)}</td>
            <td data-label={t('dividends.dividend')} className="num">
              {formatDecimal(d.amount, d.currency)}
            </td>
            <td data-label={t('dividends.cash')} className="num">
              {formatDecimal(d.cash, d.currency)}
            </td>
            <td data-label={t('dividends.retainedShort')} className="num">
              {formatDecimal(d.retained, d.currency)}
            </td>
            <td data-label={t('dividends.notice')}>
              <a href={pdfHref(d)} type="application/pdf">
                {t('dividends.pdf')}
                <span className="visually-hidden">
                  {t('dividends.pdfOf', { recipient: d.recipient })}
                </span>
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
