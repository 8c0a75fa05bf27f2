import type { Quote } from './types.ts';
import { formatDecimal } from '../app/money.ts';
import { t } from './messages.ts';

/** The lines of a quote or an agreement, with their totals. */
export function LinesTable({
  lines,
  currency,
  caption,
}: {
  lines: Quote['lines'];
  currency: string;
  caption: string;
}) {
  return (
    <table className="responsive-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('lines.description')}</th>
          <th scope="col" className="num">
            {t('lines.quantity')}
          </th>
          <th scope="col" className="num">
            {t('lines.unitPrice')}
          </th>
          <th scope="col" className="num">
            {t('lines.amount')}
          </th>
          <th scope="col">{t('lines.invoiced')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l, i) => (
          <tr key={i}>
            <td data-label={t('lines.description')}>{l.description}</td>
            <td data-label={t('lines.quantity')} className="num">
              {l.quantity}
            </td>
            <td data-label={t('lines.unitPrice')} className="num">
              {formatDecimal(l.unitPrice, currency)}
            </td>
            <td data-label={t('lines.amount')} className="num">
              {formatDecimal(l.amount, currency)}
            </td>
            <td data-label={t('lines.invoiced')}>
              {l.recurring ? t('lines.eachPeriod') : t('lines.once')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
