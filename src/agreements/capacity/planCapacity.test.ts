import { describe, expect, it } from 'vitest';
import { planCapacity, type CapacityInput } from './planCapacity.ts';

const thresholds = {
  serviceHoursPerHackerMonth: 40,
  comfortableClientsPerHacker: 6,
  clientsPerHackerBeforeHiring: 15,
  maxLoadPercent: 85,
};

const gold = {
  tierId: '00000000-0000-4000-8000-000000000001',
  name: 'Gold',
  version: 1,
  currency: 'EUR',
  priceMinor: 3_000_000n,
  periodMonths: 12,
  serviceHoursPerMonth: 5,
};

const agreement = (i: number, hackers: string[], hours = 5) => ({
  id: `a${i}`,
  number: `A-${i}`,
  organizationName: `Sponsor ${i}`,
  currency: 'EUR',
  perPeriodMinor: 3_000_000n,
  billingPeriodMonths: 12,
  serviceHoursPerMonth: hours,
  servingHackerIds: hackers,
});

const input = (agreements: CapacityInput['agreements']): CapacityInput => ({
  currency: 'EUR',
  targetAnnualMinorPerHacker: 9_000_000n,
  thresholds,
  hackers: [
    { personId: 'h1', name: 'Filippa', serviceHoursPerMonth: 40 },
    { personId: 'h2', name: 'Gus', serviceHoursPerMonth: 60 },
  ],
  tiers: [gold],
  agreements,
});

describe('capacity planning', () => {
  it('counts the sponsors a tier needs to reach the pay target, and the hours they cost', () => {
    const plan = planCapacity(input([agreement(1, ['h1']), agreement(2, ['h2'])]));
    expect(plan.targetAnnualMinor).toBe(18_000_000n);
    expect(plan.annualRevenueMinor).toBe(6_000_000n);
    expect(plan.gapMinor).toBe(12_000_000n);
    expect(plan.tiers[0]).toMatchObject({
      sponsorsForTarget: 6,
      hoursForTarget: 30,
      sponsorsForGap: 4,
      hoursForGap: 20,
      gapFitsCapacity: true,
    });
    expect(plan.capacityHoursPerMonth).toBe(100);
    expect(plan.committedHoursPerMonth).toBe(10);
    expect(plan.warnings).toEqual([]);
  });

  it('warns past the comfortable number of sponsors, and again past the hiring threshold', () => {
    const seven = Array.from({ length: 7 }, (_, i) => agreement(i, ['h1'], 1));
    const comfortable = planCapacity(input(seven));
    expect(comfortable.warnings.map((w) => [w.code, w.personId])).toEqual([
      ['comfortable-clients', 'h1'],
    ]);
    const sixteen = Array.from({ length: 16 }, (_, i) => agreement(i, ['h1'], 1));
    expect(planCapacity(input(sixteen)).warnings.map((w) => w.code)).toEqual(['hire-before-more']);
    const six = Array.from({ length: 6 }, (_, i) => agreement(i, ['h1'], 1));
    expect(planCapacity(input(six)).warnings).toEqual([]);
  });

  it('splits a shared sponsor’s hours in whole hours that add up, and flags overload', () => {
    const plan = planCapacity(input([agreement(1, ['h1', 'h2'], 35), agreement(2, ['h1'], 20)]));
    const [h1, h2] = plan.hackers;
    expect(h1!.committedHoursPerMonth + h2!.committedHoursPerMonth).toBe(55);
    expect(h1!.committedHoursPerMonth).toBe(38);
    expect(h1!.loadPercent).toBe(95);
    expect(plan.warnings.map((w) => [w.code, w.personId])).toEqual([['overloaded', 'h1']]);
  });

  it('counts an agreement nobody serves, and one in another currency, with a warning each', () => {
    const usd = { ...agreement(2, ['h1']), currency: 'USD' };
    const plan = planCapacity(input([agreement(1, []), usd]));
    expect(plan.unservedHoursPerMonth).toBe(5);
    expect(plan.annualRevenueMinor).toBe(3_000_000n);
    expect(plan.warnings.map((w) => w.code).sort()).toEqual(['other-currency', 'unserved']);
  });
});
