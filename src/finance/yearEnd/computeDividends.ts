import { apportion } from '../../platform/apportion.ts';
import type { BasisPart, BasisUnit, DividendStep } from './dividendMessages.ts';

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
  /** `basis` as facts, for the reader's language (two parts with both community bases). */
  basisParts: BasisPart[];
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
  /** `steps` as facts, one for one (see dividendMessages.ts). */
  stepFacts: DividendStep[];
}

const sorted = <T>(record: Record<string, T>) => Object.keys(record).sort();

/** Within a class, by patronage; cash by the bylaws' percent, floored, the rest retained. */
function shareOut(
  amount: bigint,
  weights: Record<string, bigint>,
  cashPercent: number,
  unit: string,
  basisUnit: BasisUnit,
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
      basisParts: [{ unit: basisUnit, weight: String(weights[id]!) }],
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
  const stepFacts: DividendStep[] = [];
  // Each step once in English and once as facts for other languages.
  const step = (text: string, code: DividendStep['code'], params: DividendStep['params']) => {
    steps.push(text);
    stepFacts.push({ code, params });
  };
  const surplus = input.surplusMinor > 0n ? input.surplusMinor : 0n;
  step(`Surplus ${money(surplus)}.`, 'surplus', { surplusMinor: String(surplus) });
  const reserves = input.reserves.map((r) => ({
    ...r,
    amountMinor: (surplus * BigInt(r.percent)) / 100n,
  }));
  for (const r of reserves)
    step(
      `Reserve “${r.name}”: ${r.percent}% of ${money(surplus)}, rounded down to the cent = ${money(r.amountMinor)}.`,
      'reserve',
      {
        name: r.name,
        percent: r.percent,
        surplusMinor: String(surplus),
        amountMinor: String(r.amountMinor),
      },
    );
  const distributable = surplus - reserves.reduce((s, r) => s + r.amountMinor, 0n);
  const [hackersPart, sponsorsPart, communityPart] = apportion(distributable, [
    BigInt(input.split.hackers),
    BigInt(input.split.sponsors),
    BigInt(input.split.community),
  ]) as [bigint, bigint, bigint];
  step(
    `Distributable ${money(distributable)} split ${input.split.hackers}/${input.split.sponsors}/${input.split.community} by largest remainder: hackers ${money(hackersPart)}, sponsors ${money(sponsorsPart)}, community ${money(communityPart)}.`,
    'distributable',
    {
      distributableMinor: String(distributable),
      split: `${input.split.hackers}/${input.split.sponsors}/${input.split.community}`,
      hackersMinor: String(hackersPart),
      sponsorsMinor: String(sponsorsPart),
      communityMinor: String(communityPart),
    },
  );
  const hackerWeights = Object.fromEntries(
    Object.entries(input.hackerMinutes).map(([k, v]) => [k, BigInt(v)]),
  );
  const hackers = shareOut(
    hackersPart,
    hackerWeights,
    input.cashPercent.hackers,
    'minutes worked',
    'minutes-worked',
  );
  if (hackers.length > 0)
    step(
      `Hackers' ${money(hackersPart)} by minutes worked (${hackers.map((h) => h.basis.split(' ')[0]).join(' + ')}); ${input.cashPercent.hackers}% of each share in cash, rounded down, the rest retained.`,
      'hackers',
      {
        amountMinor: String(hackersPart),
        weights: hackers.map((h) => h.basisParts[0]!.weight),
        cashPercent: input.cashPercent.hackers,
      },
    );
  const sponsors = shareOut(
    sponsorsPart,
    input.sponsorFunding,
    input.cashPercent.sponsors,
    'of funding',
    'funding',
    money,
  );
  if (sponsors.length > 0)
    step(
      `Sponsors' ${money(sponsorsPart)} by funding in the year (money, and labour at the bylaws' rate); ${input.cashPercent.sponsors}% of each share in cash, rounded down, the rest retained.`,
      'sponsors',
      { amountMinor: String(sponsorsPart), cashPercent: input.cashPercent.sponsors },
    );
  const unclaimed = {
    hackers: hackers.length ? 0n : hackersPart,
    sponsors: sponsors.length ? 0n : sponsorsPart,
  };
  if (unclaimed.hackers)
    step(
      `No hours worked: the hackers' ${money(unclaimed.hackers)} goes to the community fund.`,
      'unclaimed-hackers',
      { amountMinor: String(unclaimed.hackers) },
    );
  if (unclaimed.sponsors)
    step(
      `No funding: the sponsors' ${money(unclaimed.sponsors)} goes to the community fund.`,
      'unclaimed-sponsors',
      { amountMinor: String(unclaimed.sponsors) },
    );
  const community = shareCommunity(communityPart, input, money, step);
  const communityShared = community.reduce((s, m) => s + m.amountMinor, 0n);
  const communityFund = communityPart - communityShared + unclaimed.hackers + unclaimed.sponsors;
  step(`Community fund: ${money(communityFund)}.`, 'community-fund', {
    amountMinor: String(communityFund),
  });
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
    stepFacts,
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
  step: (text: string, code: DividendStep['code'], params: DividendStep['params']) => void,
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
    timePart > 0n
      ? shareOut(timePart, toWeights(c.minutes), cash, 'minutes contributed', 'minutes-contributed')
      : [];
  const byContribution =
    contributionPart > 0n
      ? shareOut(
          contributionPart,
          toWeights(c.contributions),
          cash,
          'commits, co-authorships and reviews',
          'contributions',
        )
      : [];
  if (byTime.length > 0)
    step(
      `Community's ${money(timePart)} by time entries (${byTime.map((s) => s.basis.split(' ')[0]).join(' + ')} minutes); ${cash}% in cash.`,
      'community-time',
      {
        amountMinor: String(timePart),
        weights: byTime.map((s) => s.basisParts[0]!.weight),
        cashPercent: cash,
      },
    );
  if (byContribution.length > 0)
    step(
      `Community's ${money(contributionPart)} by contributions to the co-op's repositories (${byContribution.map((s) => s.basis.split(' ')[0]).join(' + ')} commits, co-authorships and reviews); ${cash}% in cash.`,
      'community-contributions',
      {
        amountMinor: String(contributionPart),
        weights: byContribution.map((s) => s.basisParts[0]!.weight),
        cashPercent: cash,
      },
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
            basisParts: [...known.basisParts, ...s.basisParts],
            amountMinor: known.amountMinor + s.amountMinor,
            cashMinor: known.cashMinor + s.cashMinor,
            retainedMinor: known.retainedMinor + s.retainedMinor,
          }
        : s,
    );
  }
  return [...merged.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
