import { apportion } from '../../platform/apportion.ts';
import { allocateSliceHours, type SliceAllocation } from '../allocation/allocateSliceHours.ts';
import type { SliceClass } from '../schema.ts';

export interface PlanInput {
  pie: Record<SliceClass, number>;
  /** Available hours per hacker (person id), from their declarations of availability. */
  availability: Record<string, number>;
  sponsorItems: { id: string; estimateHours: number }[];
  communityItems: { id: string; estimateHours: number }[];
  /** The hacker slice's items: declared hours never plan one past its estimate. */
  hackerItems: { id: string; estimateHours: number }[];
  /** Organization id -> weight (funding over the trailing window, in minor units). */
  sponsorWeights: Record<string, bigint>;
  /** Organization id -> item id -> points (each organization spreads at most 100). */
  sponsorPoints: Record<string, Record<string, number>>;
  /** Item id -> community support, from the survey's method. */
  communitySupport: Record<string, bigint>;
  /** Hacker id -> item id -> hours they declare from their own share. */
  declarations: Record<string, Record<string, number>>;
}

export interface Plan {
  pie: Record<SliceClass, number>;
  capacity: number;
  slices: Record<SliceClass, number>;
  hackerShares: Record<string, number>;
  /** Each organization's weight and points, so that support = sum of weight x points is shown. */
  sponsorWeights: Record<string, string>;
  sponsorPoints: Record<string, Record<string, number>>;
  sponsorSupport: Record<string, string>;
  sponsor: SliceAllocation;
  community: SliceAllocation;
  /** The hacker slice, item by item, summed from the declarations. */
  hackerItems: Record<string, number>;
  /** What each hacker declared, before any scaling down to their share. */
  hackerDeclared: Record<string, Record<string, number>>;
  /** Hours of each hacker's share they did not declare, or declared past an item's estimate. */
  hackerUndeclared: Record<string, number>;
  /**
   * Items the hackers declared past their estimate: what was declared, the estimate planned,
   * and the hours given back to each hacker's undeclared share.
   */
  hackerCapped: Record<
    string,
    { declared: number; estimateHours: number; returned: Record<string, number> }
  >;
}

const order: SliceClass[] = ['sponsors', 'community', 'hackers'];

/**
 * The cycle's plan. Capacity (the hackers' hours) splits into the three slices by the bylaws'
 * pie; each slice is then shared out inside itself only, so however much one sponsor pays it
 * moves only the sponsor slice.
 */
export function computePlan(input: PlanInput): Plan {
  const hackers = Object.keys(input.availability).sort();
  const capacity = hackers.reduce((s, h) => s + input.availability[h]!, 0);
  const sliceHours = apportion(
    BigInt(capacity),
    order.map((c) => BigInt(input.pie[c])),
  );
  const slices = Object.fromEntries(order.map((c, i) => [c, Number(sliceHours[i]!)])) as Record<
    SliceClass,
    number
  >;

  // A sponsor's points count in proportion to its funding: support = sum of weight x points.
  const support = new Map<string, bigint>(input.sponsorItems.map((i) => [i.id, 0n]));
  for (const [org, points] of Object.entries(input.sponsorPoints)) {
    const weight = input.sponsorWeights[org] ?? 0n;
    for (const [item, p] of Object.entries(points)) {
      if (support.has(item)) support.set(item, support.get(item)! + weight * BigInt(p));
    }
  }
  const sponsor = allocateSliceHours(
    slices.sponsors,
    input.sponsorItems.map((i) => ({
      id: i.id,
      support: support.get(i.id)!,
      capHours: i.estimateHours,
    })),
  );
  const community = allocateSliceHours(
    slices.community,
    input.communityItems.map((i) => ({
      id: i.id,
      support: input.communitySupport[i.id] ?? 0n,
      capHours: i.estimateHours,
    })),
  );

  // Each hacker's share of the hacker slice is in proportion to the hours they give.
  const shares = apportion(
    BigInt(slices.hackers),
    hackers.map((h) => BigInt(input.availability[h]!)),
  );
  const hackerShares = Object.fromEntries(hackers.map((h, i) => [h, Number(shares[i]!)]));
  // Hours per hacker per item, after scaling each hacker's declarations to their share.
  const planned: Record<string, Record<string, number>> = {};
  const hackerUndeclared: Record<string, number> = {};
  for (const h of hackers) {
    const entries = Object.entries(input.declarations[h] ?? {}).sort(([a], [b]) =>
      a.localeCompare(b),
    );
    const declared = entries.reduce((s, [, hours]) => s + hours, 0);
    const share = hackerShares[h]!;
    // Declaring more than one's share scales the declarations down to it: the hacker slice,
    // like the others, never grows past its size.
    const hours =
      declared <= share
        ? entries.map(([, n]) => n)
        : apportion(
            BigInt(share),
            entries.map(([, n]) => BigInt(n)),
          ).map(Number);
    planned[h] = Object.fromEntries(entries.map(([item], i) => [item, hours[i]!]));
    hackerUndeclared[h] = Math.max(0, share - declared);
  }
  // An item gets at most its estimate, however many hackers declare it: the excess is shared
  // back (largest remainder, in proportion to what each declared) to their undeclared hours.
  const estimates = new Map(input.hackerItems.map((i) => [i.id, i.estimateHours]));
  const hackerItems: Record<string, number> = {};
  const hackerCapped: Plan['hackerCapped'] = {};
  const itemIds = [...new Set(hackers.flatMap((h) => Object.keys(planned[h]!)))].sort();
  for (const item of itemIds) {
    const givers = hackers.filter((h) => (planned[h]![item] ?? 0) > 0);
    const declared = givers.reduce((s, h) => s + planned[h]![item]!, 0);
    const estimate = estimates.get(item);
    if (estimate === undefined || declared <= estimate) {
      hackerItems[item] = declared;
      continue;
    }
    const kept = apportion(
      BigInt(estimate),
      givers.map((h) => BigInt(planned[h]![item]!)),
    ).map(Number);
    const returned: Record<string, number> = {};
    givers.forEach((h, i) => {
      returned[h] = planned[h]![item]! - kept[i]!;
      hackerUndeclared[h] = hackerUndeclared[h]! + returned[h];
    });
    hackerItems[item] = estimate;
    hackerCapped[item] = { declared, estimateHours: estimate, returned };
  }
  return {
    pie: input.pie,
    capacity,
    slices,
    hackerShares,
    sponsorWeights: Object.fromEntries(
      Object.entries(input.sponsorWeights).map(([k, v]) => [k, v.toString()]),
    ),
    sponsorPoints: input.sponsorPoints,
    sponsorSupport: Object.fromEntries([...support].map(([k, v]) => [k, v.toString()])),
    sponsor,
    community,
    hackerItems,
    hackerDeclared: input.declarations,
    hackerUndeclared,
    hackerCapped,
  };
}
