import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { localProblem } from '../app/api.ts';
import { formatDate, formatDateTime } from '../app/format.ts';
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
import { monthLabel, today } from './books.ts';
import { BooksPage } from './BooksPage.tsx';
import { amountHint, formatDecimal, minorToDecimal, parseDecimal, percent } from '../app/money.ts';
import type { Compensation } from '../api/types.ts';

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
    <BooksPage title="Pay">
      <section aria-labelledby="target-heading" className="card">
        <h2 id="target-heading">Pay against the target</h2>
        {compensation.error ? (
          <LoadError error={compensation.error} retry={compensation.reload} />
        ) : null}
        {compensation.loading && !c ? <Loading /> : null}
        {c ? <CompensationTable c={c} /> : null}
      </section>

      <section aria-labelledby="runs-heading" className="card">
        <h2 id="runs-heading">Monthly payroll</h2>
        <p className="muted">
          Each month the payroll posts every hacker’s gross pay and the employer’s costs to
          salaries, owed until paid out.
        </p>
        {runs.error ? <LoadError error={runs.error} retry={runs.reload} /> : null}
        {runs.loading && !runs.data ? <Loading /> : null}
        {runs.data && runs.data.runs.length === 0 ? <p>No payroll has been posted yet.</p> : null}
        {runs.data && runs.data.runs.length > 0 ? (
          <table className="responsive-table runs-table">
            <caption className="visually-hidden">Posted payroll months, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col" className="num">
                  Total
                </th>
                <th scope="col">Entry</th>
                <th scope="col">Posted</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.runs.map((r) => (
                <tr key={r.entryId}>
                  <td data-label="Month" className="cell-title">
                    {monthLabel(r.month, 'long')}
                    {r.reversed ? <span className="badge badge-warn">reversed</span> : null}
                  </td>
                  <td data-label="Total" className="num">
                    {formatDecimal(r.total, r.currency)}
                  </td>
                  <td data-label="Entry">
                    {user.can.readEntries ? (
                      <Link href={`/books/entries?before=${r.entryNumber + 1}`}>
                        #{r.entryNumber}
                      </Link>
                    ) : (
                      `#${r.entryNumber}`
                    )}
                  </td>
                  <td data-label="Posted">{formatDateTime(r.postedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {keeper ? <RunPayroll onDone={refresh} /> : null}
      </section>

      {keeper ? (
        <section aria-labelledby="salaries-heading" className="card">
          <h2 id="salaries-heading">Salaries</h2>
          {salaries.error ? <LoadError error={salaries.error} retry={salaries.reload} /> : null}
          {salaries.data && salaries.data.salaries.length === 0 ? <p>No salaries yet.</p> : null}
          {salaries.data && salaries.data.salaries.length > 0 ? (
            <table className="responsive-table salaries-table">
              <caption className="visually-hidden">Salary history, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Hacker</th>
                  <th scope="col" className="num">
                    Gross a month
                  </th>
                  <th scope="col" className="num">
                    Employer’s costs
                  </th>
                  <th scope="col">In force</th>
                </tr>
              </thead>
              <tbody>
                {salaries.data.salaries.map((s) => (
                  <tr key={s.id}>
                    <td data-label="Hacker" className="cell-title">
                      {s.displayName}
                    </td>
                    <td data-label="Gross a month" className="num">
                      {formatDecimal(s.grossMonthly, s.currency)}
                    </td>
                    <td data-label="Employer costs" className="num">
                      {formatDecimal(s.employerCostMonthly, s.currency)}
                    </td>
                    <td data-label="In force">
                      from {formatDate(s.effectiveFrom)}
                      {s.effectiveTo ? ` to ${formatDate(s.effectiveTo)}` : ''}
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
        The bylaws’ target: <strong>{c.target.description}</strong>,{' '}
        <strong>{formatDecimal(c.target.annual, c.currency)}</strong> a year. Each hacker’s pay is
        12 × the monthly gross in force on {formatDate(c.at)}.
      </p>
      {!c.complete ? (
        <p className="notice">
          You see your own pay: the bylaws keep each person’s pay private, and the reports show only
          the salaries total.
        </p>
      ) : null}
      <table className="responsive-table compensation-table">
        <caption className="visually-hidden">Each hacker’s pay against the target</caption>
        <thead>
          <tr>
            <th scope="col">Hacker</th>
            <th scope="col" className="num">
              Gross a month
            </th>
            <th scope="col" className="num">
              Gross a year
            </th>
            <th scope="col">Of the target</th>
            <th scope="col" className="num">
              Gap to the target
            </th>
          </tr>
        </thead>
        <tbody>
          {c.hackers.map((h) => (
            <tr key={h.personId}>
              <td data-label="Hacker" className="cell-title">
                {h.displayName}
              </td>
              <td data-label="Gross a month" className="num">
                {money(h.grossMonthly)}
              </td>
              <td data-label="Gross a year" className="num">
                {money(h.annualGross)}
              </td>
              <td data-label="Of the target">
                {h.percentOfTarget === null ? (
                  <span className="muted">No salary</span>
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
              <td data-label="Gap to target" className="num">
                {money(h.gapToTarget)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {c.complete ? (
        <p>
          {c.totals.paidHackers} paid hacker{c.totals.paidHackers === 1 ? '' : 's'}: gross{' '}
          {formatDecimal(c.totals.annualGross, c.currency)} a year, and{' '}
          {formatDecimal(c.totals.annualEmployerCost, c.currency)} of employer’s costs
          {c.totals.averagePercentOfTarget !== null
            ? `; on average ${percent(c.totals.averagePercentOfTarget)} of the target`
            : ''}
          .
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
  const form = useForm();
  const [month, setMonth] = useState(previousMonth());
  const [message, setMessage] = useState<string | null>(null);
  const onSubmit = form.submit(async () => {
    setMessage(null);
    if (!/^\d{4}-\d{2}$/.test(month))
      throw localProblem('Choose the month.', { month: 'a month such as 2026-10' });
    const run = await api.post('/api/payroll/runs', { body: { month } });
    setMessage(
      `Posted the payroll of ${monthLabel(month, 'long')}: ${formatDecimal(run.total, run.currency)}, entry #${run.entryNumber}.`,
    );
    onDone();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <h3>Run the payroll by hand</h3>
      <p className="muted">A job posts each month on its own; this posts a month now, once.</p>
      <FormProblem problem={form.problem} fields={['month', 'effectiveOn']} />
      <div className="field-row align-end">
        <TextField
          label="Month"
          type="month"
          value={month}
          onChange={setMonth}
          max={today().slice(0, 7)}
          error={form.error('month') ?? form.error('effectiveOn')}
        />
        <div className="form-actions">
          <SubmitButton busy={form.busy}>Post the payroll</SubmitButton>
        </div>
      </div>
      <Status message={message} />
    </form>
  );
}

function SetSalary({ hackers, onDone }: { hackers: Compensation['hackers']; onDone: () => void }) {
  const { session } = useSession();
  const currency = session.coop?.currency ?? 'EUR';
  const form = useForm();
  const [personId, setPersonId] = useState('');
  const [gross, setGross] = useState('');
  const [employer, setEmployer] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState(`${today().slice(0, 7)}-01`);
  const [message, setMessage] = useState<string | null>(null);
  const onSubmit = form.submit(async () => {
    setMessage(null);
    const local: Record<string, string> = {};
    if (!personId) local.personId = 'choose a hacker';
    const grossMinor = parseDecimal(gross, currency);
    if (grossMinor === undefined || grossMinor <= 0n) local.grossMonthly = amountHint(currency);
    const employerMinor = employer.trim() === '' ? 0n : parseDecimal(employer, currency);
    if (employerMinor === undefined) local.employerCostMonthly = amountHint(currency);
    if (!effectiveFrom) local.effectiveFrom = 'the first day of the new pay';
    if (Object.keys(local).length > 0) throw localProblem('Please check the salary.', local);
    await api.post('/api/payroll/salaries', {
      body: {
        personId,
        grossMonthly: minorToDecimal(grossMinor!, currency),
        employerCostMonthly: minorToDecimal(employerMinor!, currency),
        effectiveFrom,
      },
    });
    const name = hackers.find((h) => h.personId === personId)?.displayName ?? 'The hacker';
    setMessage(
      `${name} is paid ${formatDecimal(minorToDecimal(grossMinor!, currency), currency)} a month from ${formatDate(effectiveFrom)}.`,
    );
    setGross('');
    setEmployer('');
    onDone();
  });
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form inline-form">
      <h3>Set a salary</h3>
      <p className="muted">The salary in force ends the day before the new one starts.</p>
      <FormProblem
        problem={form.problem}
        fields={['personId', 'grossMonthly', 'employerCostMonthly', 'effectiveFrom', 'currency']}
      />
      <SelectField
        label="Hacker"
        value={personId}
        onChange={setPersonId}
        options={[
          { value: '', label: 'Choose a hacker…' },
          ...hackers.map((h) => ({ value: h.personId, label: h.displayName })),
        ]}
        error={form.error('personId')}
      />
      <div className="field-row">
        <TextField
          label={`Gross a month (${currency})`}
          inputMode="decimal"
          autoComplete="off"
          value={gross}
          onChange={setGross}
          className="grow"
          error={form.error('grossMonthly') ?? form.error('currency')}
        />
        <TextField
          label={`Employer’s costs a month (${currency})`}
          inputMode="decimal"
          autoComplete="off"
          value={employer}
          onChange={setEmployer}
          className="grow"
          error={form.error('employerCostMonthly')}
        />
        <TextField
          label="From"
          type="date"
          value={effectiveFrom}
          onChange={setEffectiveFrom}
          error={form.error('effectiveFrom')}
        />
      </div>
      <div className="form-actions">
        <SubmitButton busy={form.busy}>Set the salary</SubmitButton>
      </div>
      <Status message={message} />
    </form>
  );
}
