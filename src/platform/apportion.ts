/**
 * Largest-remainder apportionment (Hamilton): splits a whole `total` into integer parts in
 * proportion to `weights`, so that the parts always sum to the total exactly. Each part gets
 * the floor of its exact share; the units left over go to the largest remainders. Ties in the
 * remainder go to the larger weight, then to the earlier index, so the result is a pure
 * function of its input. BigInt throughout: money in minor units times weights can pass 2^53.
 */
export function apportion(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n) throw new RangeError('apportion: the total must not be negative');
  if (weights.some((w) => w < 0n)) throw new RangeError('apportion: weights must not be negative');
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    if (total === 0n) return weights.map(() => 0n);
    throw new RangeError('apportion: cannot split a non-zero total over zero weights');
  }
  const parts = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w, i) => ({ i, w, r: (total * w) % sum }));
  let left = total - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) =>
    a.r !== b.r ? (b.r > a.r ? 1 : -1) : a.w !== b.w ? (b.w > a.w ? 1 : -1) : a.i - b.i,
  );
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts;
}
