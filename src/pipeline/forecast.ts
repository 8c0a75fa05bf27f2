import { apportion } from '../platform/apportion.ts';
import type { OpportunityKind } from './stages.ts';

export interface ForecastOpportunity {
  id: string;
  title: string;
  organizationName: string;
  kind: OpportunityKind;
  amountMinor: bigint;
  currency: string;
  expectedCloseOn: string;
  probabilityPercent: number;
}

export interface ForecastCapacity {
  currency: string;
  capacityHoursPerMonth: number;
  committedHoursPerMonth: number;
  clients: number;
  clientsBeforeHiring: number;
  annualRevenueMinor: bigint;
  targetAnnualMinor: bigint;
  gapMinor: bigint;
  /** The offered tiers' hours a month, for an average when no agreement is served yet. */
  tierServiceHours: number[];
}

const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);
const roundDiv = (a: bigint, b: bigint) => (a * 2n + b) / (2n * b);

/**
 * The forecast: open amounts weighted by probability, per month of expected close and per
 * currency (never added across currencies), against the compensation target, and how many more
 * clients the hackers can take before the co-op must hire. Pure; every figure an integer, and
 * the weighted parts split by largest remainder so that they add up to each total exactly.
 */
export function forecastPipeline(open: ForecastOpportunity[], capacity: ForecastCapacity) {
  const currencies = [...new Set(open.map((o) => o.currency))].sort();
  const weighted = new Map<string, bigint>();
  const totals = currencies.map((currency) => {
    const mine = open.filter((o) => o.currency === currency);
    const exact = mine.map((o) => o.amountMinor * BigInt(o.probabilityPercent));
    const weightedMinor = roundDiv(sum(exact), 100n);
    const parts = sum(exact) === 0n ? exact.map(() => 0n) : apportion(weightedMinor, exact);
    mine.forEach((o, i) => weighted.set(o.id, parts[i]!));
    return {
      currency,
      count: mine.length,
      openMinor: sum(mine.map((o) => o.amountMinor)),
      weightedMinor,
    };
  });
  const monthKeys = [...new Set(open.map((o) => `${o.expectedCloseOn.slice(0, 7)} ${o.currency}`))];
  const months = monthKeys.sort().map((key) => {
    const [month, currency] = key.split(' ') as [string, string];
    const mine = open.filter(
      (o) => o.currency === currency && o.expectedCloseOn.slice(0, 7) === month,
    );
    return {
      month,
      currency,
      count: mine.length,
      openMinor: sum(mine.map((o) => o.amountMinor)),
      weightedMinor: sum(mine.map((o) => weighted.get(o.id)!)),
    };
  });
  const rows = [...open]
    .sort((a, b) => a.expectedCloseOn.localeCompare(b.expectedCloseOn) || a.id.localeCompare(b.id))
    .map((o) => ({ ...o, weightedMinor: weighted.get(o.id)! }));

  // Against the pay target, in the co-op's currency only: other currencies are shown apart.
  const inCoopCurrency = totals.find((t) => t.currency === capacity.currency);
  const weightedInCurrency = inCoopCurrency?.weightedMinor ?? 0n;
  const target = {
    currency: capacity.currency,
    annualRevenueMinor: capacity.annualRevenueMinor,
    targetAnnualMinor: capacity.targetAnnualMinor,
    gapMinor: capacity.gapMinor,
    weightedMinor: weightedInCurrency,
    /** What the gap would be if every weighted amount came in (0 when the pipeline covers it). */
    gapAfterMinor:
      capacity.gapMinor > weightedInCurrency ? capacity.gapMinor - weightedInCurrency : 0n,
    otherCurrencies: totals.filter((t) => t.currency !== capacity.currency).map((t) => t.currency),
  };

  return { totals, months, opportunities: rows, target, hiring: hiringRoom(open, capacity) };
}

/**
 * "How many more clients before the co-op must hire": the free service hours divided by what an
 * agreement takes on average (the committed hours over the clients served; the offered tiers'
 * average before the first client), and the bylaws' clients-per-hacker limit; the smaller binds.
 * Against it, the new clients the pipeline expects: the sum of the new-business probabilities.
 */
export function hiringRoom(open: ForecastOpportunity[], capacity: ForecastCapacity) {
  const freeHoursPerMonth = capacity.capacityHoursPerMonth - capacity.committedHoursPerMonth;
  const basis =
    capacity.clients > 0
      ? {
          from: 'agreements' as const,
          hours: capacity.committedHoursPerMonth,
          count: capacity.clients,
        }
      : {
          from: 'tiers' as const,
          hours: capacity.tierServiceHours.reduce((a, b) => a + b, 0),
          count: capacity.tierServiceHours.length,
        };
  // Tenths of an hour, rounded half up: the average shown, exact enough to read.
  const averageHoursTenths =
    basis.count === 0 ? null : Math.round((basis.hours * 10) / basis.count);
  const byHours =
    basis.count === 0 || basis.hours === 0
      ? null
      : Math.max(0, Math.floor((freeHoursPerMonth * basis.count) / basis.hours));
  const byClientLimit = Math.max(0, capacity.clientsBeforeHiring - capacity.clients);
  const moreClients = byHours === null ? byClientLimit : Math.min(byHours, byClientLimit);
  const binding: 'hours' | 'clients' =
    byHours !== null && byHours <= byClientLimit ? 'hours' : 'clients';
  const expectedPercent = open
    .filter((o) => o.kind === 'new')
    .reduce((s, o) => s + o.probabilityPercent, 0);
  return {
    capacityHoursPerMonth: capacity.capacityHoursPerMonth,
    committedHoursPerMonth: capacity.committedHoursPerMonth,
    freeHoursPerMonth,
    clients: capacity.clients,
    averageFrom: basis.from,
    averageHoursTenths,
    moreClientsByHours: byHours,
    clientsBeforeHiring: capacity.clientsBeforeHiring,
    moreClientsByClientLimit: byClientLimit,
    moreClients,
    binding,
    /** The new clients the open pipeline expects, in tenths (sum of probabilities / 10). */
    expectedNewClientsTenths: Math.round(expectedPercent / 10),
    mustHire: expectedPercent > moreClients * 100,
  };
}
