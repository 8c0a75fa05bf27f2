import { z } from 'zod';
import { defineCommand, runCommand } from '../../platform/commands.ts';
import { badRequest } from '../../platform/errors.ts';
import { formatAmount } from '../../platform/money/amount.ts';
import { minorDigits } from '../../platform/money/currency.ts';
import { invoicingPolicy } from '../policy.ts';
import { loadInvoice, loadLines } from '../repository.ts';
import { leftToCredit } from '../settlements.ts';
import { computeTotals } from '../totals.ts';
import { createInvoice } from './createInvoice.ts';
import { invoicingError } from './finalizeInvoice.ts';

/**
 * The largest net, at most `wanted`, whose gross at the line's VAT fits in `leftMinor`: the
 * candidate scaled down once by the gross it came to, then a cent at a time either way for the
 * rounding.
 */
export function netThatFits(
  wanted: bigint,
  leftMinor: bigint,
  line: { vatCategory: string; vatRate: string },
  rounding: 'per-line' | 'per-rate',
  currency: string,
): bigint {
  const digits = minorDigits(currency);
  const gross = (net: bigint) =>
    computeTotals(
      [
        {
          quantity: '1',
          unitPrice: formatAmount(net, currency),
          vatCategory: line.vatCategory as never,
          vatRate: line.vatRate,
        },
      ],
      rounding,
      digits,
    ).grossMinor;
  let net = wanted < leftMinor ? wanted : leftMinor;
  if (net <= 0n) return 0n;
  const first = gross(net);
  if (first > leftMinor) net = (net * leftMinor) / first;
  while (net > 0n && gross(net) > leftMinor) net -= 1n;
  while (net < wanted && gross(net + 1n) <= leftMinor) net += 1n;
  return net;
}

/**
 * A credit note of one line against a final invoice, for another domain's reason (a service
 * credit): `netMinor` at the VAT of the invoice's largest line, cut to what the invoice still
 * leaves to credit. Answers what it credited (net), or null when nothing was left. Run inside
 * the caller's transaction: the credit note is numbered and posted there.
 */
export const creditInvoicePart = defineCommand({
  name: 'invoicing.creditInvoicePart',
  input: z.strictObject({
    invoiceId: z.uuid(),
    netMinor: z.string().regex(/^[1-9]\d{0,17}$/),
    description: z.string().trim().min(1).max(500),
  }),
  policy: invoicingPolicy.issue,
  denied: 'The chief economist issues credit notes.',
  // The credit note's own events are createInvoice's, which it runs.
  events: [],
  async run(tx, input, ctx) {
    const invoice = await loadInvoice(tx, ctx.coopId, input.invoiceId, { forUpdate: true });
    if (invoice.kind !== 'invoice' || invoice.status === 'draft' || !invoice.number)
      throw badRequest('Only a final invoice can be credited.').because('invoice.credit-draft');
    const left = await leftToCredit(tx, ctx.coopId, invoice);
    const lines = await loadLines(tx, ctx.coopId, invoice.id);
    const largest = lines.reduce((a, b) => (b.netMinor > a.netMinor ? b : a));
    const net = netThatFits(
      BigInt(input.netMinor),
      left,
      largest,
      invoice.rounding,
      invoice.currency,
    );
    if (net <= 0n) return null;
    const created = await runCommand(
      createInvoice,
      {
        buyer: { organizationId: invoice.organizationId },
        creditedInvoice: invoice.number,
        currency: invoice.currency,
        lines: [
          {
            description: input.description,
            quantity: '1',
            unitPrice: formatAmount(net, invoice.currency),
            unitCode: 'C62',
            vatCategory: largest.vatCategory,
            vatRate: largest.vatRate,
          },
        ],
        ...(invoice.exemptionReason ? { exemptionReason: invoice.exemptionReason } : {}),
        ...(invoice.rate
          ? {
              exchangeRate: {
                rate: invoice.rate,
                on: invoice.rateOn ?? undefined,
                source: invoice.rateSource ?? 'credited invoice',
              },
            }
          : {}),
        finalize: true,
      },
      { ...ctx, tx },
    );
    return { creditNoteId: created.id, number: created.number!, netMinor: net };
  },
  mapError: invoicingError,
});
