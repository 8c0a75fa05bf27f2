import { apportion } from '../../platform/apportion.ts';

export interface DividendInput {
  surplusMinor: bigint;
  /** In the bylaws' order: each takes its percent of the surplus. */
  reserves: { name: string; percent: number }[];
  split: { hackers: number; sponsors: number; community: number };
  cashPercent: { hackers: number; sponsors: number; community?: number };
  /** Patronage: minutes worked in the year per hacker (person id). */
  hackerMinutes: Record<string, number>;
  /** Patronage: funding in the year per sponsor organization, in minor units. */
  sponsorFunding: Record<string, bigint>;
  /**
   * Community patronage, as the bylaws choose: none (the whole share to the community fund),
   * community members' minutes, their contributions (commits, co-authorships and reviews in
   * the co-op's repositories), or both, half each.
   */
  community?: {
    mode: 'fund' | 'time' | 'contributions' | 'both';
    minutes: Record<string, number>;
    contributions: Record<string, number>;
  };
}

export interface Share {
  id: string;
  basis: string;
  amountMinor: bigint;
  cashMinor: bigint;
  retainedMinor: bigint;
}

export interface DividendPlan {
  surplusMinor: bigint;
  reserves: { name: string; percent: number; amountMinor: bigint }[];
  distributable: bigint;
  classes: { hackers: bigint; sponsors: bigint; community: bigint };
  hackers: Share[];
  sponsors: Share[];
  /** Community members' shares by patronage (none when the bylaws keep the fund). */
  community: Share[];
  communityFund: bigint;
  /** A class with nobody to share in (no hours, no funding) goes to the community fund. */
  unclaimed: { hackers: bigint; sponsors: bigint };
  steps: string[];
}

const sorted = <T>(record: Record<string, T>) => Object.keys(record).sort();

/** Within a class, by patronage; cash by the bylaws' percent, floored, the rest retained. */
function shareOut(
  amount: bigint,
  weights: Record<string, bigint>,
  cashPercent: number,
  unit: string,
  show: (weight: bigint) => string = String,
): Share[] {
  const ids = sorted(weights).filter((id) => weights[id]! > 0n);
  if (ids.length === 0) return [];
  const parts = apportion(
    amount,
    ids.map((id) => weights[id]!),
  );
  return ids.map((id, i) => {
    const amountMinor = parts[i]!;
    const cashMinor = (amountMinor * BigInt(cashPercent)) / 100n;
    return {
      id,
      basis: `${show(weights[id]!)} ${unit}`,
      amountMinor,
      cashMinor,
      retainedMinor: amountMinor - cashMinor,
    };
  });
}

/**
 * The year-end split of a surplus. Reserves first, each its percent of the whole surplus,
 * rounded down, in the bylaws' order; the rest splits among the classes by the bylaws'
 * dividend shares, then within each class by patronage (hackers by hours worked, sponsors by
 * funding), the community share to its earmarked fund. Every split is largest remainder with
 * ties to the larger weight, then the earlier id in sort order, so the parts add up to the
 * surplus to the cent, and the same books give the same dividends.
 */
export function computeDividends(
  input: DividendInput,
  money: (minor: bigint) => string = String,
): DividendPlan {
  const steps: string[] = [];
  const surplus = input.surplusMinor > 0n ? input.surplusMinor : 0n;
  steps.push(`Surplus ${money(surplus)}.`);
  const reserves = input.reserves.map((r) => ({
    ...r,
    amountMinor: (surplus * BigInt(r.percent)) / 100n,
  }));
  for (const r of reserves)
    steps.push(
      `Reserve “${r.name}”: ${r.percent}% of ${money(surplus)}, rounded down to the cent = ${money(r.amountMinor)}.`,
    );
  const distributable = surplus - reserves.reduce((s, r) => s + r.amountMinor, 0n);
  const [hackersPart, sponsorsPart, communityPart] = apportion(distributable, [
    BigInt(input.split.hackers),
    BigInt(input.split.sponsors),
    BigInt(input.split.community),
  ]) as [bigint, bigint, bigint];
  steps.push(
    `Distributable ${money(distributable)} split ${input.split.hackers}/${input.split.sponsors}/${input.split.community} by largest remainder: hackers ${money(hackersPart)}, sponsors ${money(sponsorsPart)}, community ${money(communityPart)}.`,
  );
  const hackerWeights = Object.fromEntries(
    Object.entries(input.hackerMinutes).map(([k, v]) => [k, BigInt(v)]),
  );
  const hackers = shareOut(hackersPart, hackerWeights, input.cashPercent.hackers, 'minutes worked');
  if (hackers.length > 0)
    steps.push(
      `Hackers' ${money(hackersPart)} by minutes worked (${hackers.map((h) => h.basis.split(' ')[0]).join(' + ')}); ${input.cashPercent.hackers}% of each share in cash, rounded down, the rest retained.`,
    );
  const sponsors = shareOut(
    sponsorsPart,
    input.sponsorFunding,
    input.cashPercent.sponsors,
    'of funding',
    money,
  );
  if (sponsors.length > 0)
    steps.push(
      `Sponsors' ${money(sponsorsPart)} by funding in the year (money, and labour at the bylaws' rate); ${input.cashPercent.sponsors}% of each share in cash, rounded down, the rest retained.`,
    );
  const unclaimed = {
    hackers: hackers.length ? 0n : hackersPart,
    sponsors: sponsors.length ? 0n : sponsorsPart,
  };
  if (unclaimed.hackers)
    steps.push(
      `No hours worked: the hackers' ${money(unclaimed.hackers)} goes to the community fund.`,
    );
  if (unclaimed.sponsors)
    steps.push(
      `No funding: the sponsors' ${money(unclaimed.sponsors)} goes to the community fund.`,
    );
  const community = shareCommunity(communityPart, input, money, steps);
  const communityShared = community.reduce((s, m) => s + m.amountMinor, 0n);
  const communityFund = communityPart - communityShared + unclaimed.hackers + unclaimed.sponsors;
  steps.push(`Community fund: ${money(communityFund)}.`);
  return {
    surplusMinor: surplus,
    reserves,
    distributable,
    classes: { hackers: hackersPart, sponsors: sponsorsPart, community: communityPart },
    hackers,
    sponsors,
    community,
    communityFund,
    unclaimed,
    steps,
  };
}

const toWeights = (record: Record<string, number>) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, BigInt(v)]));

/**
 * The community's share by patronage, as the bylaws choose. With both bases the share is
 * halved by largest remainder first; a half with nobody to share in stays in the fund.
 */
function shareCommunity(
  part: bigint,
  input: DividendInput,
  money: (minor: bigint) => string,
  steps: string[],
): Share[] {
  const c = input.community;
  if (!c || c.mode === 'fund' || part === 0n) return [];
  const cash = input.cashPercent.community ?? 100;
  const [timePart, contributionPart] =
    c.mode === 'both'
      ? (apportion(part, [1n, 1n]) as [bigint, bigint])
      : c.mode === 'time'
        ? [part, 0n]
        : [0n, part];
  const byTime =
    timePart > 0n ? shareOut(timePart, toWeights(c.minutes), cash, 'minutes contributed') : [];
  const byContribution =
    contributionPart > 0n
      ? shareOut(
          contributionPart,
          toWeights(c.contributions),
          cash,
          'commits, co-authorships and reviews',
        )
      : [];
  if (byTime.length > 0)
    steps.push(
      `Community's ${money(timePart)} by time entries (${byTime.map((s) => s.basis.split(' ')[0]).join(' + ')} minutes); ${cash}% in cash.`,
    );
  if (byContribution.length > 0)
    steps.push(
      `Community's ${money(contributionPart)} by contributions to the co-op's repositories (${byContribution.map((s) => s.basis.split(' ')[0]).join(' + ')} commits, co-authorships and reviews); ${cash}% in cash.`,
    );
  // A member with both bases holds one share: the sum of the two.
  const merged = new Map<string, Share>();
  for (const s of [...byTime, ...byContribution]) {
    const known = merged.get(s.id);
    merged.set(
      s.id,
      known
        ? {
            id: s.id,
            basis: `${known.basis}; ${s.basis}`,
            amountMinor: known.amountMinor + s.amountMinor,
            cashMinor: known.cashMinor + s.cashMinor,
            retainedMinor: known.retainedMinor + s.retainedMinor,
          }
        : s,
    );
  }
  return [...merged.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
