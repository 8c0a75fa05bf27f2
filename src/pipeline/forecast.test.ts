import { describe, expect, it } from 'vitest';
import { forecastPipeline, type ForecastCapacity, type ForecastOpportunity } from './forecast.ts';
import { staleReasons } from './staleness.ts';

const capacity: ForecastCapacity = {
  currency: 'EUR',
  capacityHoursPerMonth: 120,
  committedHoursPerMonth: 36,
  clients: 4,
  clientsBeforeHiring: 45,
  annualRevenueMinor: 10_000_000n,
  targetAnnualMinor: 25_000_000n,
  gapMinor: 15_000_000n,
  tierServiceHours: [6, 2],
};
const opp = (
  id: string,
  amountMinor: bigint,
  probabilityPercent: number,
  expectedCloseOn: string,
  currency = 'EUR',
): ForecastOpportunity => ({
  id,
  title: id,
  organizationName: id,
  kind: 'new',
  amountMinor,
  currency,
  expectedCloseOn,
  probabilityPercent,
});

describe('the forecast', () => {
  it('weights by probability per month and currency, never mixing currencies', () => {
    const f = forecastPipeline(
      [
        opp('a', 3_000_000n, 50, '2027-02-10'),
        opp('b', 1_000_001n, 25, '2027-02-20'),
        opp('c', 2_000_000n, 10, '2027-03-01'),
        opp('d', 500_000n, 75, '2027-02-01', 'USD'),
      ],
      capacity,
    );
    expect(f.totals).toEqual([
      { currency: 'EUR', count: 3, openMinor: 6_000_001n, weightedMinor: 1_950_000n },
      { currency: 'USD', count: 1, openMinor: 500_000n, weightedMinor: 375_000n },
    ]);
    expect(f.months.map((m) => [m.month, m.currency, m.weightedMinor])).toEqual([
      ['2027-02', 'EUR', 1_750_000n],
      ['2027-02', 'USD', 375_000n],
      ['2027-03', 'EUR', 200_000n],
    ]);
    // Parts add up to the total exactly (the 0.25 of a cent went by largest remainder).
    const eur = f.opportunities.filter((o) => o.currency === 'EUR');
    expect(eur.reduce((s, o) => s + o.weightedMinor, 0n)).toBe(1_950_000n);
    expect(f.target).toMatchObject({
      weightedMinor: 1_950_000n,
      gapAfterMinor: 13_050_000n,
      otherCurrencies: ['USD'],
    });
  });

  it('answers how many more clients before hiring, from free hours and the average', () => {
    const f = forecastPipeline(
      [opp('a', 1n, 60, '2027-02-01'), opp('b', 1n, 90, '2027-02-01')],
      capacity,
    );
    // 120 - 36 = 84 free hours; 36 / 4 = 9 hours a client; 84 / 9 = 9.33 -> 9 more clients.
    expect(f.hiring).toMatchObject({
      freeHoursPerMonth: 84,
      averageHoursTenths: 90,
      moreClientsByHours: 9,
      moreClientsByClientLimit: 41,
      moreClients: 9,
      binding: 'hours',
      expectedNewClientsTenths: 15,
      mustHire: false,
    });
    const tight = forecastPipeline(
      [opp('a', 1n, 60, '2027-02-01'), opp('b', 1n, 90, '2027-02-01')],
      { ...capacity, committedHoursPerMonth: 117 },
    );
    // 3 free hours, 29.25 a client: no room, and the pipeline expects 1.5 clients.
    expect(tight.hiring).toMatchObject({ moreClients: 0, mustHire: true });
  });

  it('takes the tiers’ average before the first client', () => {
    const f = forecastPipeline([], { ...capacity, clients: 0, committedHoursPerMonth: 0 });
    // 120 free hours, (6 + 2) / 2 = 4 a client: 30; the bylaws' limit of 45 does not bind.
    expect(f.hiring).toMatchObject({
      averageFrom: 'tiers',
      moreClientsByHours: 30,
      moreClients: 30,
    });
  });
});

describe('stale opportunities', () => {
  const now = new Date('2027-03-01T12:00:00Z');
  it.each([
    ['next step passed', 'proposal', '2027-02-28', '2027-02-27T00:00:00Z', ['next-step-overdue']],
    ['next step today', 'proposal', '2027-03-01', '2027-02-27T00:00:00Z', []],
    ['no next step', 'lead', null, '2027-02-27T00:00:00Z', ['no-next-step']],
    ['quiet 14 days', 'qualified', '2027-04-01', '2027-02-15T12:00:00Z', ['no-change']],
    ['quiet 13 days', 'qualified', '2027-04-01', '2027-02-16T12:00:01Z', []],
    ['closed', 'lost', null, '2026-01-01T00:00:00Z', []],
  ] as const)('%s', (_name, stage, nextStepOn, changedAt, expected) => {
    expect(staleReasons({ stage, nextStepOn, changedAt: new Date(changedAt) }, now)).toEqual(
      expected,
    );
  });
});
