import { Link } from 'wouter';
import { classLabel, formatDate } from '../app/format.ts';
import { Loading, LoadError } from '../app/Page.tsx';
import { useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { basisText } from './books.ts';
import { BooksPage } from './BooksPage.tsx';
import { formatDecimal } from '../app/money.ts';
import type { Dividend } from '../api/types.ts';
import { InLog } from '../transparency/InLog.tsx';

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
    <BooksPage title={seesAll ? 'Dividends' : 'Your dividends'}>
      <p className="lead">
        At year end the surplus, after the reserves, is shared among the classes by the bylaws:
        hackers by the hours they worked, sponsors by their funding, and the community’s share goes
        to an earmarked fund. Every notice shows its arithmetic.
      </p>
      {result.error ? <LoadError error={result.error} retry={result.reload} /> : null}
      {result.loading && !result.data ? <Loading /> : null}
      {result.data && dividends.length === 0 ? (
        <p className="notice">
          {seesAll
            ? 'No fiscal year has been closed with dividends yet.'
            : 'You have no dividend notices yet.'}
          {user.can.keepBooks ? (
            <>
              {' '}
              <Link href="/books/year-end">Close a fiscal year</Link>.
            </>
          ) : null}
        </p>
      ) : null}
      {years.map((year) => {
        const notices = dividends.filter((d) => d.fiscalYear === year);
        const first = notices[0]!;
        return (
          <section key={year} aria-labelledby={`year-${year}`} className="card">
            <h2 id={`year-${year}`}>Fiscal year {year}</h2>
            <p className="muted">
              {formatDate(first.fromDay)} to {formatDate(first.toDay)}; surplus{' '}
              {formatDecimal(first.surplus, first.currency)}.
            </p>
            {seesAll ? (
              <NoticeTable notices={notices} year={year} />
            ) : (
              notices.map((d) => <OwnNotice key={d.id} notice={d} />)
            )}
            <details className="arithmetic">
              <summary>How the surplus of {year} was shared</summary>
              <div className="arithmetic-body">
                <ol className="explanation">
                  {first.basis.steps.map((s, i) => (
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
    <article className="dividend-notice" aria-label={`Dividend of ${d.recipient}`}>
      <h3>{d.recipient}</h3>
      <dl className="key-figures">
        <div>
          <dt>Dividend</dt>
          <dd>
            <span className="figure-value dividend-amount">{money(d.amount)}</span>
            <span className="figure-note">for {basisText(d.basis.basis)}</span>
          </dd>
        </div>
        <div>
          <dt>Paid in cash</dt>
          <dd>
            <span className="figure-value dividend-cash">{money(d.cash)}</span>
          </dd>
        </div>
        <div>
          <dt>Retained in capital</dt>
          <dd>
            <span className="figure-value dividend-retained">{money(d.retained)}</span>
            <span className="figure-note">credited to your member capital account</span>
          </dd>
        </div>
      </dl>
      <p>
        <a href={pdfHref(d)} className="button" type="application/pdf">
          PDF<span className="visually-hidden"> of the notice for fiscal year {d.fiscalYear}</span>
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
      <caption className="visually-hidden">Dividend notices of fiscal year {year}</caption>
      <thead>
        <tr>
          <th scope="col">Recipient</th>
          <th scope="col">Class</th>
          <th scope="col">Basis</th>
          <th scope="col" className="num">
            Dividend
          </th>
          <th scope="col" className="num">
            Cash
          </th>
          <th scope="col" className="num">
            Retained
          </th>
          <th scope="col">Notice</th>
        </tr>
      </thead>
      <tbody>
        {notices.map((d) => (
          <tr key={d.id}>
            <td data-label="Recipient" className="cell-title">
              {d.recipient}
            </td>
            <td data-label="Class">{classLabel(d.memberClass)}</td>
            <td data-label="Basis">{basisText(d.basis.basis)}</td>
            <td data-label="Dividend" className="num">
              {formatDecimal(d.amount, d.currency)}
            </td>
            <td data-label="Cash" className="num">
              {formatDecimal(d.cash, d.currency)}
            </td>
            <td data-label="Retained" className="num">
              {formatDecimal(d.retained, d.currency)}
            </td>
            <td data-label="Notice">
              <a href={pdfHref(d)} type="application/pdf">
                PDF<span className="visually-hidden"> notice for {d.recipient}</span>
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
