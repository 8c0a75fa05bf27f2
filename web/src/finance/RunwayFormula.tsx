import { formatDate } from '../app/format.ts';
import { monthLabel } from './books.ts';
import { formatMoney, toBigInt } from '../app/money.ts';
import type { Runway } from '../api/types.ts';

/** Runway with its arithmetic: the cash, the three months' net burn, and the division. */
export function RunwayFormula({ runway, currency }: { runway: Runway; currency: string }) {
  const money = (minor: string | bigint) => formatMoney(minor, currency);
  const nets = runway.months.map((m) => toBigInt(m.expenses) - toBigInt(m.income));
  const months = runway.months.map((m) => monthLabel(m.month)).join(', ');
  return (
    <div className="formula-block">
      <h3 id="runway-formula">How the runway is computed</h3>
      <p className="formula">
        <span>runway = cash in the bank ÷ average net burn of {months}</span>
        <span>
          average net burn = ({nets.map((n) => money(n)).join(' + ')}) ÷ 3 ={' '}
          <strong>{money(runway.netBurn)}</strong> a month
        </span>
        <span>
          runway = {money(runway.cash)} ÷ {money(runway.netBurn)} ={' '}
          <strong>
            {runway.runwayMonths === null
              ? 'no runway limit: the co-op is not burning cash'
              : `${runway.runwayMonths.toLocaleString('en-GB')} months`}
          </strong>
        </span>
      </p>
      <p className="table-title" id="runway-months-title">
        Net burn per month (expenses less income), before {formatDate(runway.at)}
      </p>
      <div
        className="table-scroll sticky-first runway-months-scroll"
        role="region"
        aria-labelledby="runway-months-title"
        tabIndex={0}
      >
        <table className="arith-table runway-months">
          <caption className="visually-hidden">Net burn per month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" className="num">
                Income
              </th>
              <th scope="col" className="num">
                Expenses
              </th>
              <th scope="col" className="num">
                Net burn
              </th>
            </tr>
          </thead>
          <tbody>
            {runway.months.map((m, i) => (
              <tr key={m.month}>
                <th scope="row">{monthLabel(m.month)}</th>
                <td className="num">{money(m.income)}</td>
                <td className="num">{money(m.expenses)}</td>
                <td className="num">{money(nets[i] ?? 0n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        Gross burn is the average of the expenses alone: {money(runway.grossBurn)} a month. Averages
        are rounded toward zero to the smallest unit of {currency}.
      </p>
    </div>
  );
}
