import { formatDate } from '../app/format.ts';
import { monthLabel, monthsText } from './books.ts';
import { t } from './messages.ts';
import { formatMoney, toBigInt } from '../app/money.ts';
import type { Runway } from '../api/types.ts';

/** Runway with its arithmetic: the cash, the three months' net burn, and the division. */
export function RunwayFormula({ runway, currency }: { runway: Runway; currency: string }) {
  const money = (minor: string | bigint) => formatMoney(minor, currency);
  const nets = runway.months.map((m) => toBigInt(m.expenses) - toBigInt(m.income));
  const months = runway.months.map((m) => monthLabel(m.month)).join(', ');
  return (
    <div className="formula-block">
      <h3 id="runway-formula">{t('runway.title')}</h3>
      <p className="formula">
        <span>{t('runway.formula', { months })}</span>
        <span>
          {t('runway.burn', { nets: nets.map((n) => money(n)).join(' + ') })}{' '}
          <strong>{money(runway.netBurn)}</strong> {t('runway.aMonth')}
        </span>
        <span>
          {t('runway.result', { cash: money(runway.cash), burn: money(runway.netBurn) })}{' '}
          <strong>
            {runway.runwayMonths === null ? t('runway.noLimit') : monthsText(runway.runwayMonths)}
          </strong>
        </span>
      </p>
      <p className="table-title" id="runway-months-title">
        {t('runway.tableTitle', { day: formatDate(runway.at) })}
      </p>
      <div
        className="table-scroll sticky-first runway-months-scroll"
        role="region"
        aria-labelledby="runway-months-title"
        tabIndex={0}
      >
        <table className="arith-table runway-months">
          <caption className="visually-hidden">{t('runway.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('runway.month')}</th>
              <th scope="col" className="num">
                {t('runway.income')}
              </th>
              <th scope="col" className="num">
                {t('runway.expenses')}
              </th>
              <th scope="col" className="num">
                {t('runway.netBurn')}
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
        {t('runway.gross', { gross: money(runway.grossBurn), currency })}
      </p>
    </div>
  );
}
