import { Plus } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { toApiError, type ApiError, compact } from '../app/api.ts';
import { formatDate } from '../app/format.ts';
import { Loading, LoadError } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { fiscalYearOf, fiscalYearStart, monthsText, today } from './books.ts';
import { BooksPage } from './BooksPage.tsx';
import { ConcentrationPanel } from './ConcentrationPanel.tsx';
import { FigureLink } from './FigureLink.tsx';
import { formatMoney } from '../app/money.ts';
import { RunwayFormula } from './RunwayFormula.tsx';
import type { Verification } from '../api/types.ts';
import { t as common } from '../app/messages.ts';
import { t } from './messages.ts';

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
    {
      href: '/books/accounts',
      title: t('nav.accounts'),
      text: t('home.sections.accounts'),
    },
    {
      href: '/books/entries',
      title: t('nav.entries'),
      text: t('home.sections.entries'),
    },
    {
      href: '/books/reports',
      title: t('nav.reports'),
      text: t('home.sections.reports'),
    },
    ...(user.can.readEntries
      ? [
          {
            href: '/books/bank',
            title: t('nav.bank'),
            text: t('home.sections.bank'),
          },
        ]
      : []),
    {
      href: '/books/expenses',
      title: t('nav.expenses'),
      text: t('home.sections.expenses'),
    },
    {
      href: '/books/pay',
      title: t('nav.pay'),
      text: t('home.sections.pay'),
    },
    ...(user.can.keepBooks
      ? [
          {
            href: '/books/year-end',
            title: t('nav.yearEnd'),
            text: t('home.sections.yearEnd'),
          },
        ]
      : []),
    {
      href: '/books/dividends',
      title: t('nav.dividends'),
      text: t('home.sections.dividends'),
    },
    {
      href: '/finance',
      title: t('home.sections.publicTitle'),
      text: t('home.sections.public'),
    },
  ];

  return (
    <BooksPage
      title={t('home.title')}
      actions={
        user.can.keepBooks ? (
          <>
            <Link href="/books/entries/new" className="button primary">
              <Plus className="icon" aria-hidden="true" size={18} />
              {t('actions.postEntry')}
            </Link>
            <Link href="/books/sponsor-payment" className="button">
              {t('actions.recordSponsorPayment')}
            </Link>
          </>
        ) : null
      }
    >
      <section aria-labelledby="figures-heading" className="card">
        <h2 id="figures-heading">{t('home.keyFigures')}</h2>
        {runway.error ? <LoadError error={runway.error} retry={runway.reload} /> : null}
        {runway.loading && !r ? <Loading /> : null}
        {r ? (
          <>
            <dl className="key-figures">
              <div>
                <dt>{t('home.cash')}</dt>
                <dd>
                  <FigureLink
                    account="assets:bank"
                    className="figure-value"
                    label={t('home.cashLink', { amount: formatMoney(r.cash, currency) })}
                  >
                    {formatMoney(r.cash, currency)}
                  </FigureLink>
                  <span className="figure-note">{t('home.on', { day: formatDate(r.at) })}</span>
                </dd>
              </div>
              <div>
                <dt>{t('home.runway')}</dt>
                <dd>
                  <span className="figure-value">
                    {r.runwayMonths === null ? t('home.notBurning') : monthsText(r.runwayMonths)}
                  </span>
                  <span className="figure-note">{t('home.runwayNote')}</span>
                </dd>
              </div>
              <div>
                <dt>{t('home.burn')}</dt>
                <dd>
                  <span className="figure-value">{formatMoney(r.grossBurn, currency)}</span>
                  <span className="figure-note">
                    {t('home.burnNote', { net: formatMoney(r.netBurn, currency) })}
                    {r.netBurn.startsWith('-') ? t('home.incomeExceeds') : ''}
                  </span>
                </dd>
              </div>
              <div>
                <dt>{t('home.surplus')}</dt>
                <dd>
                  {ytd ? (
                    <>
                      <Link href="/books/reports#income-heading" className="figure-value">
                        {formatMoney(ytd.totals.surplus, currency)}
                      </Link>
                      <span className="figure-note">
                        {t('home.period', { from: formatDate(ytd.from), to: formatDate(ytd.to) })}
                      </span>
                    </>
                  ) : yearToDate.error ? (
                    <span className="muted">{t('home.notLoaded')}</span>
                  ) : (
                    <span className="loading">{common('page.loading')}</span>
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
        <h2 id="book-sections-heading">{t('home.inTheBooks')}</h2>
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
  { format: 'hledger', file: 'ledger.journal' },
  { format: 'beancount', file: 'ledger.beancount' },
  { format: 'csv', file: 'ledger.csv' },
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
      <h2 id="exports-heading">{downloads ? t('exports.titleDownloads') : t('exports.title')}</h2>
      {downloads ? (
        <>
          <p className="muted">{t('exports.whole')}</p>
          <ul className="download-list">
            {exportFormats.map((f) => (
              <li key={f.format}>
                <a href={`/api/ledger/export?format=${f.format}`} download={f.file}>
                  {t('exports.download', { what: t(`exports.${f.format}`) })}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="muted">{t('exports.explain')}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() => void verify()}
          aria-disabled={checking || undefined}
        >
          {checking ? t('exports.verifying') : t('exports.verify')}
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
            t('exports.verified')
          ) : (
            <>
              {result.differences.length > 0 ? (
                <>
                  <p>
                    <strong>{t('exports.differ', { count: result.differences.length })}</strong>
                  </p>
                  <pre>{JSON.stringify(result.differences, null, 2)}</pre>
                </>
              ) : null}
              {result.lockedPeriods.length > 0 ? (
                <>
                  <p>
                    <strong>{t('exports.locked')}</strong>
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
