/**
 * A match rate from 0 to 1 with four decimals, from exact integer counts (0 when there is nothing to match).
 * @example matchRate(2n, 3n) === 0.6667
 */
export function matchRate(matched: bigint, total: bigint): number {
  if (total <= 0n) return 0;
  const tenThousandths = (matched * 20000n + total) / (2n * total);
  return Number(tenThousandths) / 10000;
}
