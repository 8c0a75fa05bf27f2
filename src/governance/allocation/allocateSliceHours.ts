import { apportion } from '../../platform/apportion.ts';

export interface SliceItem {
  id: string;
  /** Support from the slice's vote: sponsor points times funding weight, survey score... */
  support: bigint;
  /** The item's estimate: it never gets more hours than this. */
  capHours: number;
}

export interface ItemAllocation {
  id: string;
  hours: number;
  capped: boolean;
}

export interface AllocationRound {
  hoursToShare: number;
  totalSupport: bigint;
  capped: { id: string; capHours: number; exactShare: string }[];
}

export interface SliceAllocation {
  allocations: ItemAllocation[];
  /** Hours no item could take: every supported item reached its estimate. */
  unallocated: number;
  rounds: AllocationRound[];
}

/** `n * num / den` as a decimal string with two places, for showing the arithmetic. */
const decimal = (num: bigint, den: bigint): string => {
  const hundredths = (num * 100n + den / 2n) / den;
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
};

/**
 * A slice's hours go to its items in proportion to their support, never more than an item's
 * estimate; what a capped item cannot take is shared among the others (water-filling).
 * Whole hours by largest remainder, so the plan adds up exactly. Deterministic: the same
 * support gives the same plan.
 */
export function allocateSliceHours(hours: number, items: readonly SliceItem[]): SliceAllocation {
  if (!Number.isSafeInteger(hours) || hours < 0)
    throw new RangeError('hours must be a whole number ≥ 0');
  const result = new Map<string, ItemAllocation>(
    items.map((i) => [i.id, { id: i.id, hours: 0, capped: false }]),
  );
  let active = items.filter((i) => i.support > 0n && i.capHours > 0);
  let left = BigInt(hours);
  const rounds: AllocationRound[] = [];
  while (active.length > 0 && left > 0n) {
    const totalSupport = active.reduce((sum, i) => sum + i.support, 0n);
    // An item whose exact share reaches its estimate takes the estimate and leaves the pool.
    const reaching = active.filter((i) => left * i.support >= BigInt(i.capHours) * totalSupport);
    rounds.push({
      hoursToShare: Number(left),
      totalSupport,
      capped: reaching.map((i) => ({
        id: i.id,
        capHours: i.capHours,
        exactShare: decimal(left * i.support, totalSupport),
      })),
    });
    if (reaching.length === 0) {
      const parts = apportion(
        left,
        active.map((i) => i.support),
      );
      active.forEach((item, k) => (result.get(item.id)!.hours = Number(parts[k]!)));
      left = 0n;
      break;
    }
    for (const item of reaching) {
      result.set(item.id, { id: item.id, hours: item.capHours, capped: true });
      left -= BigInt(item.capHours);
    }
    active = active.filter((i) => !reaching.includes(i));
  }
  return { allocations: items.map((i) => result.get(i.id)!), unallocated: Number(left), rounds };
}
