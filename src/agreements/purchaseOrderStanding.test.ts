import { describe, expect, it } from 'vitest';
import { judgePurchaseOrder, type PurchaseOrderFacts } from './purchaseOrderStanding.ts';

const order = (overrides: Partial<PurchaseOrderFacts> = {}): PurchaseOrderFacts => ({
  id: 'po-1',
  number: 'PO-1',
  currency: 'EUR',
  amountMinor: 100_000n,
  drawnMinor: 0n,
  validFrom: '2027-01-01',
  validUntil: '2027-12-31',
  warnBelowPercent: 20,
  warnDaysBefore: 30,
  ...overrides,
});

describe('a purchase order warns before it blocks', () => {
  // [case, orders, required, amount, day, standing, first reason]
  const table: [
    string,
    PurchaseOrderFacts[],
    boolean,
    bigint,
    string,
    string,
    string | undefined,
  ][] = [
    ['no order, none required', [], false, 5_000n, '2027-03-01', 'ok', undefined],
    [
      'no order, one required',
      [],
      true,
      5_000n,
      '2027-03-01',
      'block',
      'The agreement requires a purchase order and none is recorded.',
    ],
    ['plenty left, far from expiry', [order()], true, 50_000n, '2027-03-01', 'ok', undefined],
    ['leaves exactly the threshold', [order()], true, 80_000n, '2027-03-01', 'ok', undefined],
    [
      'leaves less than the threshold',
      [order()],
      true,
      80_001n,
      '2027-03-01',
      'warn',
      'After this invoice purchase order PO-1 has EUR 199.99 left of EUR 1000.00.',
    ],
    [
      'takes all that is left',
      [order({ drawnMinor: 60_000n })],
      true,
      40_000n,
      '2027-03-01',
      'warn',
      'After this invoice purchase order PO-1 has EUR 0.00 left of EUR 1000.00.',
    ],
    [
      'exceeds what is left',
      [order({ drawnMinor: 60_000n })],
      true,
      40_001n,
      '2027-03-01',
      'block',
      'Purchase order PO-1 has EUR 400.00 left, less than EUR 400.01: ask the buyer to raise it or issue a new one.',
    ],
    [
      'expires within the warning days',
      [order()],
      true,
      1_000n,
      '2027-12-01',
      'warn',
      'Purchase order PO-1 expires on 2027-12-31, in 30 days.',
    ],
    ['one day before the warning days', [order()], true, 1_000n, '2027-11-30', 'ok', undefined],
    [
      'on its last day',
      [order()],
      true,
      1_000n,
      '2027-12-31',
      'warn',
      'Purchase order PO-1 expires on 2027-12-31, in 0 days.',
    ],
    [
      'expired',
      [order()],
      true,
      1_000n,
      '2028-01-01',
      'block',
      'Purchase order PO-1 expired on 2027-12-31: ask the buyer for a new one.',
    ],
    [
      'expired, even when not required',
      [order()],
      false,
      1_000n,
      '2028-01-01',
      'block',
      'Purchase order PO-1 expired on 2027-12-31: ask the buyer for a new one.',
    ],
    [
      'not yet valid',
      [order({ validFrom: '2027-06-01' })],
      true,
      1_000n,
      '2027-03-01',
      'block',
      'Purchase order PO-1 is valid only from 2027-06-01.',
    ],
    [
      'the renewed order takes over',
      [
        order({ drawnMinor: 100_000n }),
        order({ id: 'po-2', number: 'PO-2', validFrom: '2027-06-01', validUntil: '2028-05-31' }),
      ],
      true,
      10_000n,
      '2027-07-01',
      'ok',
      undefined,
    ],
  ];
  it.each(table)('%s', (_case, orders, required, amount, day, standing, reason) => {
    const judged = judgePurchaseOrder(orders, required, amount, day);
    expect(judged.standing).toBe(standing);
    expect(judged.reasons[0]).toBe(reason);
  });

  it('never lets what remains go negative, whatever the amounts', () => {
    for (let drawn = 0n; drawn <= 100_000n; drawn += 7_919n)
      for (let amount = 1n; amount <= 120_000n; amount += 9_973n) {
        const judged = judgePurchaseOrder(
          [order({ drawnMinor: drawn })],
          true,
          amount,
          '2027-03-01',
        );
        if (judged.standing !== 'block')
          expect(judged.purchaseOrder!.remainingAfterMinor >= 0n).toBe(true);
        expect(judged.standing === 'block').toBe(amount > 100_000n - drawn);
      }
  });
});
