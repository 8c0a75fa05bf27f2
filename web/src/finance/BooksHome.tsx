import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { toApiError, type ApiError, compact } from '../app/api.ts';
import { formatDate } from '../app/format.ts';
import { Loading, LoadError } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { fiscalYearOf, fiscalYearStart, today } from './books.ts';
import { BooksPage } from './BooksPage.tsx';
import { ConcentrationPanel } from './ConcentrationPanel.tsx';
import { FigureLink } from './FigureLink.tsx';
import { formatMoney } from '../app/money.ts';
import { RunwayFormula } from './RunwayFormula.tsx';
import type { Verification } from '../api/types.ts';

/** The books at a glance: cash, runway, burn, the year's surplus, concentration, exports. */
export function BooksHome() {
  const { session } = useSession();
  const user = useUser();
  const currency = session.coop?.currency ?? 'EUR';
  const day = today();
  const bylaws = useQuery('/api/bylaws');
  const startMonth = bylaws.data?.document.fiscalYear.startMonth;
  const fiscalYear = startMonth ? fiscalYearOf(day, startMonth) : undefined;
  const runway = useQuery('/api/reports/runway', { params: { query: compact({ at: day }) } });
  const yearToDate = useQuery(startMonth && fiscalYear ? '/api/reports/income-statement' : null, {
    params: {
      query: {
        from: startMonth && fiscalYear ? fiscalYearStart(fiscalYear, startMonth) : day,
        to: day,
      },
    },
  });
  const r = runway.data;
  const ytd = yearToDate.data;

  const sections = [
    { href: '/books/accounts', title: 'Accounts', text: 'The chart of accounts with balances.' },
    {
      href: '/books/entries',
      title: 'Entries',
      text: 'The journal, each entry with its postings.',
    },
    {
      href: '/books/reports',
      title: 'Reports',
      text: 'Balance sheet, income statement, cash flow, budget and runway.',
    },
    ...(user.can.readEntries
      ? [
          {
            href: '/books/bank',
            title: 'Bank',
            text: 'Import bank statements and match their lines to the books.',
          },
        ]
      : []),
    {
      href: '/books/expenses',
      title: 'Expenses',
      text: 'Claim what you spent for the co-op, with a photo of the receipt.',
    },
    {
      href: '/books/pay',
      title: 'Pay',
      text: 'Salaries against the bylaws’ target, and the monthly payroll.',
    },
    ...(user.can.keepBooks
      ? [
          {
            href: '/books/year-end',
            title: 'Year end',
            text: 'Close a fiscal year and share its surplus.',
          },
        ]
      : []),
    {
      href: '/books/dividends',
      title: 'Dividends',
      text: 'Dividend notices with their arithmetic.',
    },
    { href: '/finance', title: 'Public finances', text: 'What the co-op publishes to everyone.' },
  ];

  return (
    <BooksPage
      title="Books"
      actions={
        user.can.keepBooks ? (
          <>
            <Link href="/books/entries/new" className="button primary">
              Post an entry
            </Link>
            <Link href="/books/sponsor-payment" className="button">
              Record a sponsor payment
            </Link>
          </>
        ) : null
      }
    >
      <section aria-labelledby="figures-heading" className="card">
        <h2 id="figures-heading">Key figures</h2>
        {runway.error ? <LoadError error={runway.error} retry={runway.reload} /> : null}
        {runway.loading && !r ? <Loading /> : null}
        {r ? (
          <>
            <dl className="key-figures">
              <div>
                <dt>Cash in the bank</dt>
                <dd>
                  <FigureLink
                    account="assets:bank"
                    className="figure-value"
                    label={`${formatMoney(r.cash, currency)}: the bank’s postings`}
                  >
                    {formatMoney(r.cash, currency)}
                  </FigureLink>
                  <span className="figure-note">on {formatDate(r.at)}</span>
                </dd>
              </div>
              <div>
                <dt>Runway</dt>
                <dd>
                  <span className="figure-value">
                    {r.runwayMonths === null
                      ? 'Not burning cash'
                      : `${r.runwayMonths.toLocaleString('en-GB')} months`}
                  </span>
                  <span className="figure-note">at the last three months’ net burn</span>
                </dd>
              </div>
              <div>
                <dt>Burn per month</dt>
                <dd>
                  <span className="figure-value">{formatMoney(r.grossBurn, currency)}</span>
                  <span className="figure-note">
                    gross; net {formatMoney(r.netBurn, currency)}
                    {r.netBurn.startsWith('-') ? ' (income exceeds spending)' : ''}
                  </span>
                </dd>
              </div>
              <div>
                <dt>Surplus this fiscal year</dt>
                <dd>
                  {ytd ? (
                    <>
                      <Link href="/books/reports#income-heading" className="figure-value">
                        {formatMoney(ytd.totals.surplus, currency)}
                      </Link>
                      <span className="figure-note">
                        {formatDate(ytd.from)} to {formatDate(ytd.to)}
                      </span>
                    </>
                  ) : yearToDate.error ? (
                    <span className="muted">Could not be loaded.</span>
                  ) : (
                    <span className="loading">Loading…</span>
                  )}
                </dd>
              </div>
            </dl>
            <RunwayFormula runway={r} currency={currency} />
          </>
        ) : null}
      </section>

      <ConcentrationPanel currency={currency} />

      <Exports downloads={user.can.readEntries} />

      <section aria-labelledby="book-sections-heading">
        <h2 id="book-sections-heading">In the books</h2>
        <ul className="section-grid">
          {sections.map((s) => (
            <li key={s.href} className="card section-card">
              <Link href={s.href} className="section-link">
                {s.title}
              </Link>
              <p>{s.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </BooksPage>
  );
}

const exportFormats = [
  { format: 'hledger', label: 'hledger journal', file: 'ledger.journal' },
  { format: 'beancount', label: 'Beancount file', file: 'ledger.beancount' },
  { format: 'csv', label: 'CSV (coop-ledger-csv-1)', file: 'ledger.csv' },
] as const;

/** Downloads for the accountant, and a check that every kept balance matches its postings. */
export function Exports({ downloads }: { downloads: boolean }) {
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<Verification | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const verify = async () => {
    if (checking) return;
    setChecking(true);
    setResult(null);
    setError(null);
    try {
      setResult(await api.get('/api/ledger/verify'));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setChecking(false);
    }
  };

  return (
    <section aria-labelledby="exports-heading" className="card">
      <h2 id="exports-heading">{downloads ? 'Exports and checks' : 'Checks'}</h2>
      {downloads ? (
        <>
          <p className="muted">
            The whole ledger, for an accountant or for plain-text accounting tools.
          </p>
          <ul className="download-list">
            {exportFormats.map((f) => (
              <li key={f.format}>
                <a href={`/api/ledger/export?format=${f.format}`} download={f.file}>
                  Download the {f.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="muted">
        The books keep each account’s balance as postings arrive; verifying recomputes every kept
        balance from its postings.
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() => void verify()}
          aria-disabled={checking || undefined}
        >
          {checking ? 'Verifying…' : 'Verify balances'}
        </button>
      </div>
      <div
        role="status"
        className={
          result
            ? result.ok
              ? 'status-message'
              : 'notice notice-error verify-result'
            : 'status-empty'
        }
      >
        {result ? (
          result.ok ? (
            'Verified: every kept balance matches the sum of its postings, and nothing was recorded in a locked period after its lock.'
          ) : (
            <>
              {result.differences.length > 0 ? (
                <>
                  <p>
                    <strong>
                      {result.differences.length} kept balance
                      {result.differences.length === 1 ? ' differs' : 's differ'} from the postings.
                    </strong>
                  </p>
                  <pre>{JSON.stringify(result.differences, null, 2)}</pre>
                </>
              ) : null}
              {result.lockedPeriods.length > 0 ? (
                <>
                  <p>
                    <strong>Recorded in a locked period after its lock:</strong>
                  </p>
                  <ul>
                    {result.lockedPeriods.map((f) => (
                      <li key={`${f.period}-${f.entryNumber}-${f.problem}`}>{f.problem}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          )
        ) : null}
      </div>
      {error ? <LoadError error={error} /> : null}
    </section>
  );
}
