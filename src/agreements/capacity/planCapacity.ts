import { apportion } from '../../platform/apportion.ts';

export interface CapacityThresholds {
  serviceHoursPerHackerMonth: number;
  comfortableClientsPerHacker: number;
  clientsPerHackerBeforeHiring: number;
  maxLoadPercent: number;
}

export interface CapacityInput {
  currency: string;
  /** A hacker's yearly pay target (the bylaws' compensation target), minor units. */
  targetAnnualMinorPerHacker: bigint;
  thresholds: CapacityThresholds;
  hackers: { personId: string; name: string; serviceHoursPerMonth: number }[];
  tiers: {
    tierId: string;
    name: string;
    version: number;
    currency: string;
    priceMinor: bigint;
    periodMonths: number;
    serviceHoursPerMonth: number;
  }[];
  agreements: {
    id: string;
    number: string;
    organizationName: string;
    currency: string;
    /** Recurring lines' total per billing period. */
    perPeriodMinor: bigint;
    billingPeriodMonths: number;
    /** What its tier lines' entitlements cost in hacker hours a month. */
    serviceHoursPerMonth: number;
    servingHackerIds: string[];
  }[];
}

export interface CapacityWarning {
  code: 'comfortable-clients' | 'hire-before-more' | 'overloaded' | 'unserved' | 'other-currency';
  message: string;
  /** The figures the message states, so that a reader's screen can word it in its language. */
  facts: Record<string, string | number>;
  personId?: string;
}

const ceilDiv = (a: bigint, b: bigint) => (b === 0n ? 0n : (a + b - 1n) / b);

/**
 * The capacity plan: what the hackers can give, what the agreements take (in hours and in
 * clients per hacker), what the co-op earns against the bylaws' pay target, and for each tier how
 * many sponsors at it alone would reach the target, and the hours they would cost. Pure: plain
 * data in, plain data out, every figure an integer.
 */
export function planCapacity(input: CapacityInput) {
  const { thresholds } = input;
  const warnings: CapacityWarning[] = [];
  const hackers = new Map(
    input.hackers.map((h) => [h.personId, { ...h, clients: 0, committedHours: 0 }]),
  );
  let unservedHours = 0;
  let annualRevenueMinor = 0n;
  for (const a of input.agreements) {
    if (a.currency === input.currency)
      annualRevenueMinor += (a.perPeriodMinor * 12n) / BigInt(a.billingPeriodMonths);
    else
      warnings.push({
        code: 'other-currency',
        facts: { number: a.number, organization: a.organizationName, currency: a.currency },
        message: `${a.number} (${a.organizationName}) is in ${a.currency}: not counted in revenue.`,
      });
    const serving = a.servingHackerIds.filter((id) => hackers.has(id));
    if (serving.length === 0) {
      unservedHours += a.serviceHoursPerMonth;
      warnings.push({
        code: 'unserved',
        facts: { number: a.number, organization: a.organizationName },
        message: `${a.number} (${a.organizationName}) has no hacker serving it.`,
      });
      continue;
    }
    // Whole hours split by largest remainder, so the hackers' shares add up to the agreement's.
    const shares = apportion(
      BigInt(a.serviceHoursPerMonth),
      serving.map(() => 1n),
    );
    serving.forEach((id, i) => {
      const h = hackers.get(id)!;
      h.clients += 1;
      h.committedHours += Number(shares[i]);
    });
  }
  const hackerRows = [...hackers.values()].map((h) => {
    const loadPercent =
      h.serviceHoursPerMonth === 0
        ? h.committedHours > 0
          ? null
          : 0
        : Math.round((h.committedHours * 100) / h.serviceHoursPerMonth);
    if (h.clients > thresholds.clientsPerHackerBeforeHiring)
      warnings.push({
        code: 'hire-before-more',
        personId: h.personId,
        facts: { name: h.name, clients: h.clients, limit: thresholds.clientsPerHackerBeforeHiring },
        message: `${h.name} serves ${h.clients} sponsors, more than the ${thresholds.clientsPerHackerBeforeHiring} the bylaws set before hiring.`,
      });
    else if (h.clients > thresholds.comfortableClientsPerHacker)
      warnings.push({
        code: 'comfortable-clients',
        personId: h.personId,
        facts: { name: h.name, clients: h.clients, limit: thresholds.comfortableClientsPerHacker },
        message: `${h.name} serves ${h.clients} sponsors, more than the ${thresholds.comfortableClientsPerHacker} the bylaws call comfortable.`,
      });
    if (loadPercent === null || loadPercent > thresholds.maxLoadPercent)
      warnings.push({
        code: 'overloaded',
        personId: h.personId,
        facts: {
          name: h.name,
          committed: h.committedHours,
          hours: h.serviceHoursPerMonth,
          limit: thresholds.maxLoadPercent,
        },
        message: `${h.name} is committed ${h.committedHours} of ${h.serviceHoursPerMonth} service hours a month (over ${thresholds.maxLoadPercent}%).`,
      });
    return {
      personId: h.personId,
      name: h.name,
      clients: h.clients,
      serviceHoursPerMonth: h.serviceHoursPerMonth,
      committedHoursPerMonth: h.committedHours,
      loadPercent,
    };
  });
  const capacityHoursPerMonth = input.hackers.reduce((s, h) => s + h.serviceHoursPerMonth, 0);
  const committedHoursPerMonth =
    hackerRows.reduce((s, h) => s + h.committedHoursPerMonth, 0) + unservedHours;
  const targetAnnualMinor = input.targetAnnualMinorPerHacker * BigInt(input.hackers.length);
  const gapMinor =
    targetAnnualMinor > annualRevenueMinor ? targetAnnualMinor - annualRevenueMinor : 0n;
  const freeHours = capacityHoursPerMonth - committedHoursPerMonth;
  const tiers = input.tiers
    .filter((t) => t.currency === input.currency)
    .map((t) => {
      const annualPriceMinor = (t.priceMinor * 12n) / BigInt(t.periodMonths);
      const sponsorsForTarget = Number(ceilDiv(targetAnnualMinor, annualPriceMinor));
      const sponsorsForGap = Number(ceilDiv(gapMinor, annualPriceMinor));
      const hoursForGap = sponsorsForGap * t.serviceHoursPerMonth;
      return {
        tierId: t.tierId,
        name: t.name,
        version: t.version,
        annualPriceMinor,
        serviceHoursPerMonth: t.serviceHoursPerMonth,
        sponsorsForTarget,
        hoursForTarget: sponsorsForTarget * t.serviceHoursPerMonth,
        sponsorsForGap,
        hoursForGap,
        /** Whether the free hours can serve the sponsors that would close the gap. */
        gapFitsCapacity: hoursForGap <= Math.max(freeHours, 0),
      };
    })
    .sort((a, b) =>
      a.annualPriceMinor < b.annualPriceMinor
        ? -1
        : a.annualPriceMinor > b.annualPriceMinor
          ? 1
          : 0,
    );
  const clients = input.agreements.length;
  const hackerCount = input.hackers.length;
  return {
    currency: input.currency,
    thresholds,
    hackers: hackerRows,
    clients,
    clientsPerHacker: hackerCount === 0 ? null : clients / hackerCount,
    /** With today's hackers, the sponsors they serve comfortably and before hiring. */
    comfortableClients: hackerCount * thresholds.comfortableClientsPerHacker,
    clientsBeforeHiring: hackerCount * thresholds.clientsPerHackerBeforeHiring,
    capacityHoursPerMonth,
    committedHoursPerMonth,
    unservedHoursPerMonth: unservedHours,
    annualRevenueMinor,
    targetAnnualMinor,
    gapMinor,
    tiers,
    warnings,
  };
}
export type CapacityPlan = ReturnType<typeof planCapacity>;
