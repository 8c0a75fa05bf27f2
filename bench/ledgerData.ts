/**
 * Synthetic books for the ledger benchmark: two years of a co-op's two-posting entries over the
 * 20 leaf accounts of the chart template, in the co-op's currency, generated deterministically
 * (the same seed gives the same entries on every database, so their exports are identical).
 */

/** A small deterministic generator (mulberry32), as in bench/tally.ts. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Template {
  kind: string;
  /** Debited (positive) and credited (negative) account paths. */
  debit: string;
  credit: string;
  /** Amount range in euros; amounts are drawn log-uniformly, to the cent. */
  min: number;
  max: number;
  /** Relative frequency. */
  weight: number;
  describe: (n: number) => string;
}

const sponsors = ['Acme Cloud', 'Globex', 'Initech', 'Umbrella Labs', 'Hooli', 'Stark Systems'];
const vendors = ['Hetzner', 'OVHcloud', 'GitHub', 'Fastly', 'Backblaze', 'Sentry'];
const pick = <T>(xs: readonly T[], n: number) => xs[n % xs.length]!;

/** What a small co-op's books are made of: many small donations and fees, fewer large items. */
const templates: Template[] = [
  {
    kind: 'sponsor-payment',
    debit: 'assets:bank:operating',
    credit: 'income:sponsorship',
    min: 500,
    max: 25_000,
    weight: 6,
    describe: (n) => `Sponsorship from ${pick(sponsors, n)}, payment ${n}`,
  },
  {
    kind: 'invoice',
    debit: 'assets:receivables',
    credit: 'income:sponsorship',
    min: 1_000,
    max: 30_000,
    weight: 3,
    describe: (n) => `Invoice ${n} to ${pick(sponsors, n)}`,
  },
  {
    kind: 'invoice-paid',
    debit: 'assets:bank:operating',
    credit: 'assets:receivables',
    min: 1_000,
    max: 30_000,
    weight: 3,
    describe: (n) => `${pick(sponsors, n)} pays invoice ${n}`,
  },
  {
    kind: 'grant',
    debit: 'assets:bank:operating',
    credit: 'income:grants',
    min: 5_000,
    max: 80_000,
    weight: 0.5,
    describe: (n) => `Grant tranche ${n}`,
  },
  {
    kind: 'services',
    debit: 'assets:bank:operating',
    credit: 'income:services',
    min: 200,
    max: 8_000,
    weight: 3,
    describe: (n) => `Support contract, invoice S-${n}`,
  },
  {
    kind: 'donation',
    debit: 'assets:bank:operating',
    credit: 'income:donations',
    min: 2,
    max: 500,
    weight: 25,
    describe: (n) => `Donation from supporter #${n % 9973}`,
  },
  {
    kind: 'fx',
    debit: 'assets:bank:operating',
    credit: 'income:exchange-gains',
    min: 0.01,
    max: 50,
    weight: 0.5,
    describe: (n) => `Exchange gain on USD transfer ${n}`,
  },
  {
    kind: 'salary',
    debit: 'expenses:salaries',
    credit: 'assets:bank:operating',
    min: 2_500,
    max: 7_500,
    weight: 4,
    describe: (n) => `Salary, hacker #${n % 37}`,
  },
  {
    kind: 'expense',
    debit: 'expenses:infrastructure',
    credit: 'assets:bank:operating',
    min: 10,
    max: 2_000,
    weight: 12,
    describe: (n) => `${pick(vendors, n)} invoice ${n}`,
  },
  {
    kind: 'bill',
    debit: 'expenses:infrastructure',
    credit: 'liabilities:payables',
    min: 50,
    max: 3_000,
    weight: 4,
    describe: (n) => `${pick(vendors, n)} bill ${n}, due in 30 days`,
  },
  {
    kind: 'bill-paid',
    debit: 'liabilities:payables',
    credit: 'assets:bank:operating',
    min: 50,
    max: 3_000,
    weight: 4,
    describe: (n) => `${pick(vendors, n)} bill ${n} paid`,
  },
  {
    kind: 'expense',
    debit: 'expenses:events',
    credit: 'assets:bank:operating',
    min: 100,
    max: 12_000,
    weight: 2,
    describe: (n) => `Sprint venue and catering ${n}`,
  },
  {
    kind: 'expense',
    debit: 'expenses:travel',
    credit: 'assets:bank:operating',
    min: 30,
    max: 1_500,
    weight: 6,
    describe: (n) => `Train and hotel, trip ${n}`,
  },
  {
    kind: 'bank-fee',
    debit: 'expenses:fees',
    credit: 'assets:bank:operating',
    min: 0.1,
    max: 40,
    weight: 20,
    describe: (n) => `Card processing fee ${n}`,
  },
  {
    kind: 'fx',
    debit: 'expenses:exchange-losses',
    credit: 'assets:bank:operating',
    min: 0.01,
    max: 50,
    weight: 0.5,
    describe: (n) => `Exchange loss on USD transfer ${n}`,
  },
  {
    kind: 'vat',
    debit: 'assets:bank:operating',
    credit: 'liabilities:vat',
    min: 20,
    max: 5_000,
    weight: 3,
    describe: (n) => `VAT collected, invoice S-${n}`,
  },
  {
    kind: 'vat-paid',
    debit: 'liabilities:vat',
    credit: 'assets:bank:operating',
    min: 500,
    max: 20_000,
    weight: 0.5,
    describe: (n) => `VAT return ${n}`,
  },
  {
    kind: 'member-capital',
    debit: 'assets:bank:operating',
    credit: 'equity:member-capital',
    min: 50,
    max: 500,
    weight: 1,
    describe: (n) => `Member share, member #${n % 211}`,
  },
  {
    kind: 'patronage',
    debit: 'equity:retained-surplus',
    credit: 'liabilities:patronage-payable',
    min: 100,
    max: 5_000,
    weight: 0.3,
    describe: (n) => `Patronage dividend declared ${n}`,
  },
  {
    kind: 'patronage-paid',
    debit: 'liabilities:patronage-payable',
    credit: 'assets:bank:operating',
    min: 100,
    max: 5_000,
    weight: 0.3,
    describe: (n) => `Patronage dividend paid ${n}`,
  },
  {
    kind: 'reserves',
    debit: 'equity:retained-surplus',
    credit: 'equity:reserves',
    min: 1_000,
    max: 20_000,
    weight: 0.2,
    describe: (n) => `Transfer to reserves ${n}`,
  },
];

/** Every account the data posts to (the 20 leaf accounts of the chart template). */
export const benchAccountPaths = [
  ...new Set(templates.flatMap((t) => [t.debit, t.credit]).concat('equity:opening-balances')),
].sort();

export interface BenchEntry {
  effectiveOn: string;
  kind: string;
  description: string;
  /** Debit account, credit account, amount in cents (debited positive, credited negative). */
  debit: string;
  credit: string;
  amountMinor: number;
}

export const firstDay = '2025-01-01';
export const lastDay = '2026-12-31';
const days = 730;

function dayString(offset: number): string {
  return new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10);
}

/**
 * `count` entries in date order, spread evenly over the two years; entry 0 is the opening
 * balance. Generates in batches so that a million entries never sit in memory at once.
 */
export function* benchEntries(count: number, seed = 20_261_231): Generator<BenchEntry> {
  const random = generator(seed);
  const total = templates.reduce((s, t) => s + t.weight, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const t of templates) cumulative.push((acc += t.weight / total));
  const dayNames = Array.from({ length: days }, (_, d) => dayString(d));
  yield {
    effectiveOn: firstDay,
    kind: 'opening',
    description: 'Opening balances',
    debit: 'assets:bank:operating',
    credit: 'equity:opening-balances',
    amountMinor: 25_000_00,
  };
  for (let i = 1; i < count; i++) {
    const r = random();
    let k = 0;
    while (k < templates.length - 1 && r >= cumulative[k]!) k++;
    const t = templates[k]!;
    const euros = t.min * Math.exp(random() * Math.log(t.max / t.min));
    yield {
      effectiveOn: dayNames[Math.floor((i * days) / count)]!,
      kind: t.kind,
      description: t.describe(i),
      debit: t.debit,
      credit: t.credit,
      amountMinor: Math.max(1, Math.round(euros * 100)),
    };
  }
}

/**
 * The balances the first `loaded` of `benchEntries(count)` should give, in cents, by account
 * path (zero balances left out).
 */
export function expectedBalances(count: number, loaded = count): Map<string, bigint> {
  const sums = new Map<string, number>();
  let n = 0;
  for (const e of benchEntries(count)) {
    if (n++ >= loaded) break;
    sums.set(e.debit, (sums.get(e.debit) ?? 0) + e.amountMinor);
    sums.set(e.credit, (sums.get(e.credit) ?? 0) - e.amountMinor);
  }
  // Sums stay far below 2^53 cents (about 90 trillion euros), so numbers are exact.
  return new Map([...sums].filter(([, v]) => v !== 0).map(([k, v]) => [k, BigInt(v)]));
}
