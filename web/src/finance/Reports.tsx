import { useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'wouter';
import { budgetLineSchema } from '../../../src/finance/reports/budgetInput.ts';
import { api } from '../api/client.ts';
import { localProblem, toApiError, compact, query } from '../app/api.ts';
import { formatDate } from '../app/format.ts';
import {
  FormProblem,
  SelectField,
  Status,
  SubmitButton,
  TextField,
  useForm,
} from '../app/forms.tsx';
import { Loading, LoadError } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import {
  accountOption,
  fiscalYearEnd,
  fiscalYearOf,
  fiscalYearStart,
  monthLabel,
  monthsBetween,
  formatNumber,
  today,
} from './books.ts';
import { AccountPath } from './AccountPath.tsx';
import { useBudgetAccounts } from './budgetAccounts.ts';
import { BooksPage } from './BooksPage.tsx';
import { FigureLink } from './FigureLink.tsx';
import { CashFlowChart } from './CashFlowChart.tsx';
import {
  enteredAmountProblem,
  enteredDecimal,
  formatDecimal,
  formatMoney,
  toBigInt,
} from '../app/money.ts';
import { RunwayFormula } from './RunwayFormula.tsx';
import type { BudgetLine, ReportLine } from '../api/types.ts';
import { t } from './messages.ts';
import { DateField } from '../app/DateField.tsx';

function CsvLink({ href, what }: { href: string; what: string }) {
  return (
    <a href={href} download className="button small csv-link">
      {t('reports.csv')}
      <span className="visually-hidden">{t('reports.csvOf', { what })}</span>
    </a>
  );
}

function ReportHeading({ id, title, csv }: { id: string; title: string; csv?: ReactNode }) {
  return (
    <div className="report-heading">
      <h2 id={id}>{title}</h2>
      {csv}
    </div>
  );
}

/** The books' reports for a period; the balance sheet and the runway at its last day. */
export function Reports() {
  const { session } = useSession();
  const currency = session.coop?.currency ?? 'EUR';
  const bylaws = useQuery('/api/bylaws');
  const startMonth = bylaws.data?.document.fiscalYear.startMonth;
  const [params, setParams] = useSearchParams();
  const day = today();

  if (bylaws.error)
    return (
      <BooksPage title={t('reports.title')}>
        <LoadError error={bylaws.error} />
      </BooksPage>
    );
  if (!startMonth)
    return (
      <BooksPage title={t('reports.title')}>
        <Loading />
      </BooksPage>
    );

  const thisYear = fiscalYearOf(day, startMonth);
  const from = params.get('from') || fiscalYearStart(thisYear, startMonth);
  const to = params.get('to') || day;
  const years = [thisYear, thisYear - 1, thisYear - 2];

  return (
    <BooksPage title={t('reports.title')}>
      <PeriodForm
        key={`${from}:${to}`}
        from={from}
        to={to}
        onChange={(f, l) => setParams({ from: f, to: l })}
      />
      <nav aria-label={t('reports.periods')} className="quick-periods">
        <span>{t('reports.fiscalYears')}</span>
        <ul>
          {years.map((y) => {
            const f = fiscalYearStart(y, startMonth);
            const last = y === thisYear ? day : fiscalYearEnd(y, startMonth);
            const label = startMonth === 1 ? String(y) : `${y}/${String(y + 1).slice(2)}`;
            return (
              <li key={y}>
                <Link
                  href={`/books/reports${query({ from: f, to: last })}`}
                  aria-current={from === f && to === last ? 'true' : undefined}
                >
                  {y === thisYear ? t('reports.toDate', { year: label }) : label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <nav aria-label={t('reports.onThisPage')} className="toc">
        <ul>
          <li>
            <a href="#balance-heading">{t('reports.balanceSheet')}</a>
          </li>
          <li>
            <a href="#income-heading">{t('reports.incomeStatement')}</a>
          </li>
          <li>
            <a href="#cash-heading">{t('reports.cashFlow')}</a>
          </li>
          <li>
            <a href="#budget-heading">{t('reports.budget')}</a>
          </li>
          <li>
            <a href="#runway-heading">{t('reports.runway')}</a>
          </li>
        </ul>
      </nav>
      <BalanceSheetReport at={to} currency={currency} />
      <IncomeStatementReport from={from} to={to} currency={currency} />
      <CashFlowReport from={from} to={to} currency={currency} />
      <BudgetReport from={from} to={to} currency={currency} />
      <RunwayReport at={to} currency={currency} />
    </BooksPage>
  );
}

function PeriodForm({
  from,
  to,
  onChange,
}: {
  from: string;
  to: string;
  onChange: (from: string, to: string) => void;
}) {
  const form = useForm();
  const [fromDay, setFromDay] = useState(from);
  const [toDay, setToDay] = useState(to);
  const onSubmit = form.submit(async () => {
    const local: Record<string, string> = {};
    if (!fromDay) local.from = t('reports.firstDay');
    if (!toDay) local.to = t('reports.lastDay');
    if (fromDay && toDay && toDay < fromDay) local.to = t('reports.endsBefore');
    if (Object.keys(local).length > 0) throw localProblem(t('reports.checkPeriod'), local);
    onChange(fromDay, toDay);
  });
  return (
    <form
      ref={form.formRef}
      onSubmit={onSubmit}
      noValidate
      className="filters period-form"
      aria-label={t('reports.period')}
    >
      <FormProblem problem={form.problem} fields={['from', 'to']} />
      <DateField
        label={t('reports.from')}
        value={fromDay}
        onChange={setFromDay}
        required
        error={form.error('from')}
      />
      <DateField
        label={t('reports.to')}
        value={toDay}
        onChange={setToDay}
        required
        error={form.error('to')}
      />
      <div className="filters-submit">
        <SubmitButton busy={form.busy} className="button">
          {t('reports.showPeriod')}
        </SubmitButton>
      </div>
    </form>
  );
}

/** Report lines, each account linked to its postings, with a subtotal. */
function LinesBody({
  heading,
  totalLabel,
  lines,
  total,
  currency,
  extra,
}: {
  heading: string;
  totalLabel: string;
  lines: ReportLine[];
  total: string | bigint;
  currency: string;
  extra?: ReactNode;
}) {
  return (
    <tbody>
      <tr className="group-row">
        <th scope="rowgroup" colSpan={2}>
          {heading}
        </th>
      </tr>
      {lines.length === 0 && !extra ? (
        <tr>
          <td colSpan={2} className="muted">
            {t('reports.nothing')}
          </td>
        </tr>
      ) : null}
      {lines.map((l) => (
        <tr key={l.account}>
          <th scope="row" className="line-account">
            <span className="account-code">{l.code}</span> <AccountPath path={l.account} />
          </th>
          <td className="num">
            <FigureLink
              account={l.account}
              className="figure-link"
              label={t('reports.postingsOf', {
                amount: formatMoney(l.balance, currency),
                account: l.account,
              })}
            >
              {formatMoney(l.balance, currency)}
            </FigureLink>
          </td>
        </tr>
      ))}
      {extra}
      <tr className="subtotal-row">
        <th scope="row">{totalLabel}</th>
        <td className="num">{formatMoney(total, currency)}</td>
      </tr>
    </tbody>
  );
}

function BalanceSheetReport({ at, currency }: { at: string; currency: string }) {
  const path = `/api/reports/balance-sheet${query({ at })}`;
  const report = useQuery('/api/reports/balance-sheet', { params: { query: compact({ at }) } });
  const r = report.data;
  // The equity total includes the surplus not yet closed, shown as its own line.
  const right = r ? toBigInt(r.totals.liabilities) + toBigInt(r.totals.equity) : 0n;
  return (
    <section aria-labelledby="balance-heading" className="card report">
      <ReportHeading
        id="balance-heading"
        title={t('reports.balanceSheet')}
        csv={<CsvLink href={`${path}&format=csv`} what={t('reports.csvBalance')} />}
      />
      <p className="muted">{t('reports.atEndOf', { day: formatDate(at) })}</p>
      {report.error ? <LoadError error={report.error} retry={report.reload} /> : null}
      {report.loading && !r ? <Loading /> : null}
      {r ? (
        <table className="report-table" aria-busy={report.loading || undefined}>
          <caption className="visually-hidden">
            {t('reports.balanceCaption', { day: formatDate(r.at) })}
          </caption>
          <thead className="visually-hidden">
            <tr>
              <th scope="col">{t('reports.account')}</th>
              <th scope="col">{t('reports.balance')}</th>
            </tr>
          </thead>
          <LinesBody
            heading={t('reports.assets')}
            totalLabel={t('reports.totalAssets')}
            lines={r.assets}
            total={r.totals.assets}
            currency={currency}
          />
          <LinesBody
            heading={t('reports.liabilities')}
            totalLabel={t('reports.totalLiabilities')}
            lines={r.liabilities}
            total={r.totals.liabilities}
            currency={currency}
          />
          <LinesBody
            heading={t('reports.equity')}
            totalLabel={t('reports.totalEquity')}
            lines={r.equity}
            total={r.totals.equity}
            currency={currency}
            extra={
              <tr>
                <th scope="row" className="line-account">
                  {t('reports.unclosed')}
                  <span className="account-path">{t('reports.unclosedNote')}</span>
                </th>
                <td className="num">{formatMoney(r.unclosedSurplus, currency)}</td>
              </tr>
            }
          />
          <tfoot>
            <tr>
              <th scope="row">{t('reports.liabilitiesAndEquity')}</th>
              <td className="num">{formatMoney(right, currency)}</td>
            </tr>
            <tr>
              <th scope="row">{t('reports.check')}</th>
              <td className="num">
                {toBigInt(r.totals.assets) === right ? (
                  <span className="badge badge-ok">{t('reports.balanced')}</span>
                ) : (
                  <span className="badge badge-warn">
                    {t('reports.offBy', {
                      amount: formatMoney(toBigInt(r.totals.assets) - right, currency),
                    })}
                  </span>
                )}
              </td>
            </tr>
          </tfoot>
        </table>
      ) : null}
    </section>
  );
}

function IncomeStatementReport({
  from,
  to,
  currency,
}: {
  from: string;
  to: string;
  currency: string;
}) {
  const path = `/api/reports/income-statement${query({ from, to })}`;
  const report = useQuery('/api/reports/income-statement', { params: { query: { from, to } } });
  const r = report.data;
  const surplus = r ? toBigInt(r.totals.surplus) : 0n;
  return (
    <section aria-labelledby="income-heading" className="card report">
      <ReportHeading
        id="income-heading"
        title={t('reports.incomeStatement')}
        csv={<CsvLink href={`${path}&format=csv`} what={t('reports.csvIncome')} />}
      />
      <p className="muted">{t('reports.fromTo', { from: formatDate(from), to: formatDate(to) })}</p>
      {report.error ? <LoadError error={report.error} retry={report.reload} /> : null}
      {report.loading && !r ? <Loading /> : null}
      {r ? (
        <table className="report-table" aria-busy={report.loading || undefined}>
          <caption className="visually-hidden">
            {t('reports.incomeCaption', { from: formatDate(r.from), to: formatDate(r.to) })}
          </caption>
          <thead className="visually-hidden">
            <tr>
              <th scope="col">{t('reports.account')}</th>
              <th scope="col">{t('reports.amount')}</th>
            </tr>
          </thead>
          <LinesBody
            heading={t('reports.income')}
            totalLabel={t('reports.totalIncome')}
            lines={r.income}
            total={r.totals.income}
            currency={currency}
          />
          <LinesBody
            heading={t('reports.expenses')}
            totalLabel={t('reports.totalExpenses')}
            lines={r.expenses}
            total={r.totals.expenses}
            currency={currency}
          />
          <tfoot>
            <tr className={surplus < 0n ? 'row-deficit' : undefined}>
              <th scope="row">
                {surplus < 0n ? t('reports.deficitLine') : t('reports.surplusLine')}
              </th>
              <td className="num">
                <strong>{formatMoney(r.totals.surplus, currency)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      ) : null}
    </section>
  );
}

function CashFlowReport({ from, to, currency }: { from: string; to: string; currency: string }) {
  const path = `/api/reports/cash-flow${query({ from, to })}`;
  const report = useQuery('/api/reports/cash-flow', { params: { query: { from, to } } });
  const byMonth = new Map((report.data?.months ?? []).map((m) => [m.month, m]));
  // The report leaves out months without movement; the chart shows them as empty.
  const months = report.data
    ? monthsBetween(from.slice(0, 7), to.slice(0, 7)).map(
        (month) => byMonth.get(month) ?? { month, inflow: '0', outflow: '0', net: '0' },
      )
    : [];
  const totalIn = months.reduce((s, m) => s + toBigInt(m.inflow), 0n);
  const totalOut = months.reduce((s, m) => s + toBigInt(m.outflow), 0n);
  return (
    <section aria-labelledby="cash-heading" className="card report">
      <ReportHeading
        id="cash-heading"
        title={t('reports.cashTitle')}
        csv={<CsvLink href={`${path}&format=csv`} what={t('reports.csvCash')} />}
      />
      <p className="muted">
        {t('reports.cashExplain', { from: formatDate(from), to: formatDate(to) })}
      </p>
      {report.error ? <LoadError error={report.error} retry={report.reload} /> : null}
      {report.loading && !report.data ? <Loading /> : null}
      {report.data ? (
        months.length === 0 ? (
          <p>{t('reports.noMonths')}</p>
        ) : (
          <>
            <CashFlowChart
              currency={currency}
              from={formatDate(from)}
              months={months.map((m) => ({
                ...m,
                label: monthLabel(m.month).slice(0, 3),
                longLabel: monthLabel(m.month, 'long'),
              }))}
            />
            <p className="table-title" id="cash-table-title">
              {t('reports.cashTableTitle')}
            </p>
            <div
              className="table-scroll sticky-first"
              role="region"
              aria-labelledby="cash-table-title"
              tabIndex={0}
            >
              <table className="cash-table">
                <caption className="visually-hidden">{t('reports.cashCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('reports.month')}</th>
                    <th scope="col" className="num">
                      {t('reports.in')}
                    </th>
                    <th scope="col" className="num">
                      {t('reports.out')}
                    </th>
                    <th scope="col" className="num">
                      {t('reports.net')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {months.map((m) => (
                    <tr key={m.month}>
                      <th scope="row">{monthLabel(m.month)}</th>
                      <td className="num">{formatMoney(m.inflow, currency)}</td>
                      <td className="num">{formatMoney(m.outflow, currency)}</td>
                      <td className="num">{formatMoney(m.net, currency)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('reports.periodRow')}</th>
                    <td className="num">{formatMoney(totalIn, currency)}</td>
                    <td className="num">{formatMoney(totalOut, currency)}</td>
                    <td className="num">{formatMoney(totalIn - totalOut, currency)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </>
        )
      ) : null}
    </section>
  );
}

function BudgetReport({ from, to, currency }: { from: string; to: string; currency: string }) {
  const user = useUser();
  const path = `/api/reports/budget-vs-actual${query({ from, to })}`;
  const report = useQuery('/api/reports/budget-vs-actual', { params: { query: { from, to } } });
  const lines = report.data?.lines ?? [];
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const remove = async (line: BudgetLine) => {
    setMessage(null);
    setProblem(null);
    try {
      await api.delete('/api/budgets/{id}', { params: { path: { id: line.id } } });
      setMessage(t('reports.budgetRemoved', { account: line.account }));
      report.reload();
    } catch (error) {
      setProblem(toApiError(error).message);
    }
  };
  return (
    <section aria-labelledby="budget-heading" className="card report">
      <ReportHeading
        id="budget-heading"
        title={t('reports.budget')}
        csv={<CsvLink href={`${path}&format=csv`} what={t('reports.csvBudget')} />}
      />
      <p className="muted">{t('reports.budgetExplain')}</p>
      {report.error ? <LoadError error={report.error} retry={report.reload} /> : null}
      {report.loading && !report.data ? <Loading /> : null}
      {report.data && lines.length === 0 ? <p>{t('reports.noBudget')}</p> : null}
      {lines.length > 0 ? (
        <table className="responsive-table budget-table">
          <caption className="visually-hidden">{t('reports.budget')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.account')}</th>
              <th scope="col">{t('reports.dates')}</th>
              <th scope="col" className="num">
                {t('reports.budgetColumn')}
              </th>
              <th scope="col" className="num">
                {t('reports.actual')}
              </th>
              <th scope="col" className="num">
                {t('reports.variance')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => {
              const variance = toBigInt(l.varianceMinor);
              // Spending over budget, or income under it, is the unwelcome side.
              const bad = l.type === 'expense' ? variance > 0n : variance < 0n;
              return (
                <tr key={l.id}>
                  <td data-label={t('reports.account')} className="cell-title">
                    <AccountPath path={l.account} />
                    {user.can.keepBooks && !l.pollId ? (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="button small"
                          onClick={() => void remove(l)}
                        >
                          {t('reports.remove')}
                          <span className="visually-hidden">
                            {t('reports.removeWhich', {
                              account: l.account,
                              day: formatDate(l.fromDay),
                            })}
                          </span>
                        </button>
                      </>
                    ) : null}
                  </td>
                  <td data-label={t('reports.dates')}>
                    {formatDate(l.fromDay)} – {formatDate(l.toDay)}
                    {l.pollId ? (
                      <>
                        {' '}
                        <Link href={`/votes/${l.pollId}`} className="muted">
                          {t('reports.byVote')}
                        </Link>
                      </>
                    ) : null}
                  </td>
                  <td data-label={t('reports.budgetColumn')} className="num">
                    {formatMoney(l.amountMinor, currency)}
                  </td>
                  <td data-label={t('reports.actual')} className="num">
                    <FigureLink
                      account={l.account}
                      label={t('reports.postingsOf', {
                        amount: formatMoney(l.actualMinor, currency),
                        account: l.account,
                      })}
                    >
                      {formatMoney(l.actualMinor, currency)}
                    </FigureLink>
                  </td>
                  <td data-label={t('reports.variance')} className="num">
                    {variance > 0n ? '+' : ''}
                    {formatMoney(l.varianceMinor, currency)}
                    {variance !== 0n ? (
                      <span className={`badge ${bad ? 'badge-warn' : 'badge-ok'}`}>
                        {l.type === 'expense'
                          ? variance > 0n
                            ? t('reports.over')
                            : t('reports.under')
                          : variance > 0n
                            ? t('reports.above')
                            : t('reports.below')}
                      </span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {problem ? (
        <div className="notice notice-error" role="alert">
          <p>{problem}</p>
        </div>
      ) : null}
      <Status message={message} />
      {user.can.keepBooks ? (
        <BudgetForm from={from} to={to} currency={currency} onSaved={report.reload} />
      ) : null}
    </section>
  );
}

function BudgetForm({
  from,
  to,
  currency,
  onSaved,
}: {
  from: string;
  to: string;
  currency: string;
  onSaved: () => void;
}) {
  const options = useBudgetAccounts();
  const form = useZodForm(budgetLineSchema);
  const [account, setAccount] = useState('');
  const [fromDay, setFromDay] = useState(from);
  const [toDay, setToDay] = useState(to);
  const [amount, setAmount] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  // The amount is typed in the member's notation and sent as the route's decimal; no account
  // chosen and no amount go out as missing ("required").
  const onSubmit = form.submitValid(
    () => {
      setMessage(null);
      return {
        account: account || undefined,
        fromDay,
        toDay,
        amount: amount.trim() ? enteredDecimal(amount, currency) : undefined,
      };
    },
    async (body) => {
      await api.post('/api/budgets', { body });
      setMessage(
        t('reports.budgeted', {
          amount: formatDecimal(body.amount, currency),
          account: body.account,
          from: formatDate(body.fromDay),
          to: formatDate(body.toDay),
        }),
      );
      setAmount('');
      onSaved();
    },
    (): Record<string, string> => {
      const unread = enteredAmountProblem(amount, currency);
      return unread ? { amount: unread } : {};
    },
  );
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <h3>{t('reports.addBudget')}</h3>
      <FormProblem problem={form.problem} fields={['account', 'fromDay', 'toDay', 'amount']} />
      <SelectField
        label={t('reports.account')}
        value={account}
        onChange={setAccount}
        options={[
          { value: '', label: t('reports.chooseAccountOption') },
          ...options.map(accountOption),
        ]}
        error={form.error('account')}
      />
      <div className="field-row">
        <DateField
          label={t('reports.from')}
          value={fromDay}
          onChange={setFromDay}
          error={form.error('fromDay')}
        />
        <DateField
          label={t('reports.to')}
          value={toDay}
          onChange={setToDay}
          error={form.error('toDay')}
        />
        <TextField
          label={t('reports.amountField', { currency })}
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          onChange={setAmount}
          className="grow"
          error={form.error('amount')}
        />
      </div>
      <div className="form-actions">
        <SubmitButton busy={form.busy}>{t('reports.add')}</SubmitButton>
      </div>
      <Status message={message} />
    </form>
  );
}

function RunwayReport({ at, currency }: { at: string; currency: string }) {
  const report = useQuery('/api/reports/runway', { params: { query: compact({ at }) } });
  const r = report.data;
  return (
    <section aria-labelledby="runway-heading" className="card report">
      <ReportHeading id="runway-heading" title={t('reports.runway')} />
      {report.error ? <LoadError error={report.error} retry={report.reload} /> : null}
      {report.loading && !r ? <Loading /> : null}
      {r ? (
        <>
          <p className="runway-figure">
            {t('reports.at', { day: formatDate(r.at) })}
            <strong>
              {r.runwayMonths === null
                ? t('reports.notBurning')
                : t('reports.runwayMonths', {
                    count: r.runwayMonths,
                    months: formatNumber(r.runwayMonths),
                  })}
            </strong>
            {t('reports.with')}
            <FigureLink
              account="assets:bank"
              label={t('reports.bankPostings', { amount: formatMoney(r.cash, currency) })}
            >
              {formatMoney(r.cash, currency)}
            </FigureLink>
            {t('reports.inBank')}
          </p>
          <RunwayFormula runway={r} currency={currency} />
        </>
      ) : null}
    </section>
  );
}
