import type { Quote } from './types.ts';

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
          <th scope="col">Description</th>
          <th scope="col" className="num">
            Quantity
          </th>
          <th scope="col" className="num">
            Unit price
          </th>
          <th scope="col" className="num">
            Amount
          </th>
          <th scope="col">Invoiced</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l, i) => (
          <tr key={i}>
            <td data-label="Description">{l.description}</td>
            <td data-label="Quantity" className="num">
              {l.quantity}
            </td>
            <td data-label="Unit price" className="num">
              {currency} {l.unitPrice}
            </td>
            <td data-label="Amount" className="num">
              {currency} {l.amount}
            </td>
            <td data-label="Invoiced">{l.recurring ? 'each period' : 'once'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
