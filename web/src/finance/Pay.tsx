import { CalendarClock } from 'lucide-react';
import { useState } from 'react';
import { EmptyState } from '../app/EmptyState.tsx';
import { Link } from 'wouter';
import { payrollRunInputSchema, salaryInputSchema } from '../../../src/finance/payroll/payInput.ts';
import { api } from '../api/client.ts';
import { formatDate, formatDateTime } from '../app/format.ts';
import { FormProblem, SelectField, Status, SubmitButton, TextField } from '../app/forms.tsx';
import { Loading, LoadError } from '../app/Page.tsx';
import { useSession, useUser } from '../app/session.tsx';
import { useQuery } from '../app/useQuery.ts';
import { useZodForm } from '../app/zodForm.ts';
import { monthLabel, today } from './books.ts';
import { BooksPage } from './BooksPage.tsx';
import {
  amountHint,
  enteredAmountProblem,
  enteredDecimal,
  formatDecimal,
  parseDecimal,
  percent,
} from '../app/money.ts';
import type { Compensation } from '../api/types.ts';
import { t } from './messages.ts';
import { DateField } from '../app/DateField.tsx';
import { MonthField } from '../app/MonthField.tsx';

/** Hackers' pay against the bylaws' target, the monthly payroll, and the salaries. */
export function Pay() {
  const user = useUser();
  const compensation = useQuery('/api/payroll/compensation');
  const runs = useQuery('/api/payroll/runs');
  const keeper = user.can.keepBooks;
  const salaries = useQuery(keeper ? '/api/payroll/salaries' : null);
  const c = compensation.data;
  const refresh = () => {
    compensation.reload();
    runs.reload();
    salaries.reload();
  };

  return (
    <BooksPage title={t('pay.title')}>
      <section aria-labelledby="target-heading" className="card">
        <h2 id="target-heading">{t('pay.target')}</h2>
        {compensation.error ? (
          <LoadError error={compensation.error} retry={compensation.reload} />
        ) : null}
        {compensation.loading && !c ? <Loading /> : null}
        {c ? <CompensationTable c={c} /> : null}
      </section>

      <section aria-labelledby="runs-heading" className="card">
        <h2 id="runs-heading">{t('pay.runs')}</h2>
        <p className="muted">{t('pay.runsExplain')}</p>
        {runs.error ? <LoadError error={runs.error} retry={runs.reload} /> : null}
        {runs.loading && !runs.data ? <Loading /> : null}
        {runs.data && runs.data.runs.length === 0 ? (
          <EmptyState title={t('pay.noRuns')} next={t('pay.noRunsNext')} icon={CalendarClock} />
        ) : null}
        {runs.data && runs.data.runs.length > 0 ? (
          <table className="responsive-table runs-table">
            <caption className="visually-hidden">{t('pay.runsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pay.month')}</th>
                <th scope="col" className="num">
                  {t('pay.total')}
                </th>
                <th scope="col">{t('pay.entry')}</th>
                <th scope="col">{t('pay.posted')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.runs.map((r) => (
                <tr key={r.entryId}>
                  <td data-label={t('pay.month')} className="cell-title">
                    {monthLabel(r.month, 'long')}
                    {r.reversed ? (
                      <span className="badge badge-warn">{t('pay.reversed')}</span>
                    ) : null}
                  </td>
                  <td data-label={t('pay.total')} className="num">
                    {formatDecimal(r.total, r.currency)}
                  </td>
                  <td data-label={t('pay.entry')}>
                    {user.can.readEntries ? (
                      <Link href={`/books/entries?before=${r.entryNumber + 1}`}>
                        #{r.entryNumber}
                      </Link>
                    ) : (
                      `#${r.entryNumber}`
                    )}
                  </td>
                  <td data-label={t('pay.posted')}>{formatDateTime(r.postedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {keeper ? <RunPayroll onDone={refresh} /> : null}
      </section>

      {keeper ? (
        <section aria-labelledby="salaries-heading" className="card">
          <h2 id="salaries-heading">{t('pay.salaries')}</h2>
          {salaries.error ? <LoadError error={salaries.error} retry={salaries.reload} /> : null}
          {salaries.data && salaries.data.salaries.length === 0 ? (
            <p>{t('pay.noSalaries')}</p>
          ) : null}
          {salaries.data && salaries.data.salaries.length > 0 ? (
            <table className="responsive-table salaries-table">
              <caption className="visually-hidden">{t('pay.salariesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('pay.hacker')}</th>
                  <th scope="col" className="num">
                    {t('pay.grossMonth')}
                  </th>
                  <th scope="col" className="num">
                    {t('pay.employerCosts')}
                  </th>
                  <th scope="col">{t('pay.inForce')}</th>
                </tr>
              </thead>
              <tbody>
                {salaries.data.salaries.map((s) => (
                  <tr key={s.id}>
                    <td data-label={t('pay.hacker')} className="cell-title">
                      {s.displayName}
                    </td>
                    <td data-label={t('pay.cell.grossMonth')} className="num">
                      {formatDecimal(s.grossMonthly, s.currency)}
                    </td>
                    <td data-label={t('pay.cell.employerCosts')} className="num">
                      {formatDecimal(s.employerCostMonthly, s.currency)}
                    </td>
                    <td data-label={t('pay.inForce')}>
                      {s.effectiveTo
                        ? t('pay.fromTo', {
                            from: formatDate(s.effectiveFrom),
                            to: formatDate(s.effectiveTo),
                          })
                        : t('pay.from', { from: formatDate(s.effectiveFrom) })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {c ? <SetSalary hackers={c.hackers} onDone={refresh} /> : null}
        </section>
      ) : null}
    </BooksPage>
  );
}

function CompensationTable({ c }: { c: Compensation }) {
  const money = (decimal: string | null) =>
    decimal === null ? <span className="muted">—</span> : formatDecimal(decimal, c.currency);
  return (
    <>
      <p>
        {t('pay.targetIs')}
        <strong>{c.target.description}</strong>,{' '}
        <strong>{formatDecimal(c.target.annual, c.currency)}</strong> {t('pay.aYear')}.{' '}
        {t('pay.targetExplain', { day: formatDate(c.at) })}
      </p>
      {!c.complete ? <p className="notice">{t('pay.ownOnly')}</p> : null}
      <table className="responsive-table compensation-table">
        <caption className="visually-hidden">{t('pay.compensationCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pay.hacker')}</th>
            <th scope="col" className="num">
              {t('pay.grossMonth')}
            </th>
            <th scope="col" className="num">
              {t('pay.grossYear')}
            </th>
            <th scope="col">{t('pay.ofTarget')}</th>
            <th scope="col" className="num">
              {t('pay.gap')}
            </th>
          </tr>
        </thead>
        <tbody>
          {c.hackers.map((h) => (
            <tr key={h.personId}>
              <td data-label={t('pay.hacker')} className="cell-title">
                {h.displayName}
              </td>
              <td data-label={t('pay.cell.grossMonth')} className="num">
                {money(h.grossMonthly)}
              </td>
              <td data-label={t('pay.cell.grossYear')} className="num">
                {money(h.annualGross)}
              </td>
              <td data-label={t('pay.ofTarget')}>
                {h.percentOfTarget === null ? (
                  <span className="muted">{t('pay.noSalary')}</span>
                ) : (
                  <span className="target-meter">
                    <span className="target-value">{percent(h.percentOfTarget)}</span>
                    <span className="meter-track" aria-hidden="true">
                      <span
                        className="meter-fill"
                        style={{ width: `${Math.min(100, Math.max(0, h.percentOfTarget))}%` }}
                      />
                    </span>
                  </span>
                )}
              </td>
              <td data-label={t('pay.cell.gap')} className="num">
                {money(h.gapToTarget)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {c.complete ? (
        <p>
          {c.totals.averagePercentOfTarget !== null
            ? t('pay.totalsAverage', {
                count: c.totals.paidHackers,
                gross: formatDecimal(c.totals.annualGross, c.currency),
                employer: formatDecimal(c.totals.annualEmployerCost, c.currency),
                average: percent(c.totals.averagePercentOfTarget),
              })
            : t('pay.totals', {
                count: c.totals.paidHackers,
                gross: formatDecimal(c.totals.annualGross, c.currency),
                employer: formatDecimal(c.totals.annualEmployerCost, c.currency),
              })}
        </p>
      ) : null}
    </>
  );
}

function previousMonth(): string {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

function RunPayroll({ onDone }: { onDone: () => void }) {
  const form = useZodForm(payrollRunInputSchema);
  const [month, setMonth] = useState(previousMonth());
  const [message, setMessage] = useState<string | null>(null);
  const onSubmit = form.submitValid(
    () => ({ month }),
    async (input) => {
      setMessage(null);
      const run = await api.post('/api/payroll/runs', { body: input });
      setMessage(
        t('pay.postedRun', {
          month: monthLabel(input.month, 'long'),
          total: formatDecimal(run.total, run.currency),
          entry: run.entryNumber,
        }),
      );
      onDone();
    },
  );
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <h3>{t('pay.runTitle')}</h3>
      <p className="muted">{t('pay.runExplain')}</p>
      <FormProblem problem={form.problem} fields={['month', 'effectiveOn']} />
      <div className="field-row align-end">
        <MonthField
          label={t('pay.month')}
          value={month}
          onChange={setMonth}
          max={today().slice(0, 7)}
          error={form.error('month') ?? form.error('effectiveOn')}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy}>{t('pay.post')}</SubmitButton>
        </div>
      </div>
      <Status message={message} />
    </form>
  );
}

function SetSalary({ hackers, onDone }: { hackers: Compensation['hackers']; onDone: () => void }) {
  const { session } = useSession();
  const currency = session.coop?.currency ?? 'EUR';
  const form = useZodForm(salaryInputSchema);
  const [personId, setPersonId] = useState('');
  const [gross, setGross] = useState('');
  const [employer, setEmployer] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState(`${today().slice(0, 7)}-01`);
  const [message, setMessage] = useState<string | null>(null);
  // The amounts as typed in the member's notation (5200,00 in German), sent as the route's
  // decimals; no employer's costs are none. A hacker not chosen yet is missing ("required").
  const values = () => ({
    personId: personId || undefined,
    grossMonthly: enteredDecimal(gross, currency),
    employerCostMonthly: employer.trim() === '' ? '0' : enteredDecimal(employer, currency),
    effectiveFrom,
  });
  // What the schema cannot hold: an amount that does not read in the member's notation, and a
  // gross pay of nothing.
  const localChecks = (): Record<string, string> => {
    const local: Record<string, string> = {};
    const grossMinor = parseDecimal(gross, currency);
    if (gross.trim() !== '' && (grossMinor === undefined || grossMinor <= 0n))
      local.grossMonthly = amountHint(currency);
    const employerProblem = enteredAmountProblem(employer, currency);
    if (employerProblem) local.employerCostMonthly = employerProblem;
    return local;
  };
  const onSubmit = form.submitValid(
    values,
    async (input) => {
      setMessage(null);
      await api.post('/api/payroll/salaries', { body: input });
      const name =
        hackers.find((h) => h.personId === input.personId)?.displayName ?? t('pay.theHacker');
      setMessage(
        t('pay.salarySet', {
          name,
          amount: formatDecimal(input.grossMonthly, currency),
          from: formatDate(input.effectiveFrom),
        }),
      );
      setGross('');
      setEmployer('');
      onDone();
    },
    localChecks,
  );
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <h3>{t('pay.setTitle')}</h3>
      <p className="muted">{t('pay.setExplain')}</p>
      <FormProblem
        problem={form.problem}
        fields={['personId', 'grossMonthly', 'employerCostMonthly', 'effectiveFrom', 'currency']}
      />
      <SelectField
        label={t('pay.hacker')}
        value={personId}
        onChange={setPersonId}
        options={[
          { value: '', label: t('pay.chooseHackerOption') },
          ...hackers.map((h) => ({ value: h.personId, label: h.displayName })),
        ]}
        error={form.error('personId')}
      />
      <div className="field-row">
        <TextField
          label={t('pay.grossField', { currency })}
          inputMode="decimal"
          autoComplete="off"
          value={gross}
          onChange={setGross}
          className="grow"
          error={form.error('grossMonthly') ?? form.error('currency')}
        />
        <TextField
          label={t('pay.employerField', { currency })}
          inputMode="decimal"
          autoComplete="off"
          value={employer}
          onChange={setEmployer}
          className="grow"
          error={form.error('employerCostMonthly')}
        />
        <DateField
          label={t('pay.fromField')}
          value={effectiveFrom}
          onChange={setEffectiveFrom}
          error={form.error('effectiveFrom')}
        />
      </div>
      <div className="form-actions">
        <SubmitButton busy={form.busy} className="button">
          {t('pay.set')}
        </SubmitButton>
      </div>
      <Status message={message} />
    </form>
  );
}
