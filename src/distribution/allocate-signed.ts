import { allocateLargestRemainder, divideRounded } from '../money/index.js';

/** A claimant of a signed allocation: a stable key and a weight that may be negative (a return, a correction). */
export interface SignedWeight {
  readonly key: string;
  readonly weight: bigint;
}

/**
 * How a signed division splits its total between the positive weights and the negative ones: the positive share
 * total × (their sum ÷ net weight), rounded half-even once, the negative ones the rest (before re-signing). A net
 * weight of zero is refused by returning null, unless the total is zero too.
 * @example splitSignedTotal(100n, 3n, 1n) // { positive: 150n, negative: 50n }
 */
export function splitSignedTotal(total: bigint, positive: bigint, negative: bigint): { positive: bigint; negative: bigint } | null {
  const net = positive - negative;
  if (net === 0n) return total === 0n ? { positive: 0n, negative: 0n } : null;
  const positiveTotal = divideRounded(total * positive, net, 'halfEven');
  return { positive: positiveTotal, negative: positiveTotal - total };
}

/**
 * Divides a total over weights that may be negative, exactly: the positive weights share total × (their sum ÷ net
 * weight), rounded half-even once, and the negative ones the rest, each group by largest remainder on absolute
 * values and re-signed. The parts add up to the total; a net weight of zero is refused by returning null.
 * @example allocateSigned(100n, [{ key: 'a', weight: 3n }, { key: 'b', weight: -1n }]) // a → 150n, b → -50n
 */
export function allocateSigned(total: bigint, weights: readonly SignedWeight[]): Map<string, bigint> | null {
  let positive = 0n;
  let negative = 0n;
  for (const { weight } of weights) {
    if (weight > 0n) positive += weight;
    else negative -= weight;
  }
  const split = splitSignedTotal(total, positive, negative);
  if (split === null) return null;
  if (positive === negative) return new Map(weights.map(({ key }) => [key, 0n]));
  const result = new Map<string, bigint>();
  const ups = weights.filter((w) => w.weight > 0n);
  const downs = weights.filter((w) => w.weight < 0n).map((w) => ({ key: w.key, weight: -w.weight }));
  for (const w of weights) if (w.weight === 0n) result.set(w.key, 0n);
  if (ups.length > 0) for (const [key, value] of allocateLargestRemainder(split.positive, ups)) result.set(key, value);
  if (downs.length > 0) for (const [key, value] of allocateLargestRemainder(split.negative, downs)) result.set(key, -value);
  return result;
}
