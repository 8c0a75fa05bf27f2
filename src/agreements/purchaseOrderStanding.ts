import { formatAmount } from '../platform/money/amount.ts';
import { daysBetween } from './terms.ts';

export interface PurchaseOrderFacts {
  id: string;
  number: string;
  currency: string;
  amountMinor: bigint;
  /** What live draws have taken. */
  drawnMinor: bigint;
  validFrom: string;
  validUntil: string;
  warnBelowPercent: number;
  warnDaysBefore: number;
}

export interface PurchaseOrderStanding {
  /** ok: invoice; warn: invoice, and tell the buyer a new order is needed soon; block: do not. */
  standing: 'ok' | 'warn' | 'block';
  /** Sentences a person can act on; empty when ok. */
  reasons: string[];
  purchaseOrder: {
    id: string;
    number: string;
    remainingMinor: bigint;
    /** What remains once this amount is drawn (never negative: a block instead). */
    remainingAfterMinor: bigint;
    validUntil: string;
  } | null;
}

/**
 * Whether an invoice of `amountMinor` dated `day` may draw on the agreement's purchase orders.
 * The order in force is the latest one valid that day. Running out, by amount or by date, warns
 * before it blocks: a warning when what remains after the invoice falls below the order's
 * threshold or when it expires within its warning days; a block when the amount exceeds what
 * remains or no order is valid that day (when the agreement requires one).
 */
export function judgePurchaseOrder(
  orders: PurchaseOrderFacts[],
  required: boolean,
  amountMinor: bigint,
  day: string,
): PurchaseOrderStanding {
  const valid = orders
    .filter((o) => o.validFrom <= day && day <= o.validUntil)
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0));
  const order = valid.find((o) => o.amountMinor - o.drawnMinor >= amountMinor) ?? valid[0];
  if (!order) {
    if (!required && orders.length === 0)
      return { standing: 'ok', reasons: [], purchaseOrder: null };
    const latest = [...orders].sort((a, b) => (a.validUntil < b.validUntil ? 1 : -1))[0];
    const reason = !latest
      ? 'The agreement requires a purchase order and none is recorded.'
      : latest.validFrom > day
        ? `Purchase order ${latest.number} is valid only from ${latest.validFrom}.`
        : `Purchase order ${latest.number} expired on ${latest.validUntil}: ask the buyer for a new one.`;
    return {
      standing: required || latest ? 'block' : 'ok',
      reasons: [reason],
      purchaseOrder: null,
    };
  }
  const remaining = order.amountMinor - order.drawnMinor;
  const money = (m: bigint) => `${order.currency} ${formatAmount(m, order.currency)}`;
  const base = {
    id: order.id,
    number: order.number,
    remainingMinor: remaining,
    validUntil: order.validUntil,
  };
  if (amountMinor > remaining)
    return {
      standing: 'block',
      reasons: [
        `Purchase order ${order.number} has ${money(remaining)} left, less than ${money(amountMinor)}: ask the buyer to raise it or issue a new one.`,
      ],
      purchaseOrder: { ...base, remainingAfterMinor: remaining },
    };
  const after = remaining - amountMinor;
  const reasons: string[] = [];
  if (after * 100n < order.amountMinor * BigInt(order.warnBelowPercent))
    reasons.push(
      `After this invoice purchase order ${order.number} has ${money(after)} left of ${money(order.amountMinor)}.`,
    );
  const daysLeft = daysBetween(day, order.validUntil);
  if (daysLeft <= order.warnDaysBefore)
    reasons.push(
      `Purchase order ${order.number} expires on ${order.validUntil}, in ${daysLeft} days.`,
    );
  return {
    standing: reasons.length > 0 ? 'warn' : 'ok',
    reasons,
    purchaseOrder: { ...base, remainingAfterMinor: after },
  };
}
