import { ClefError } from '../errors/clef-error.js';

/** One claimant of an allocation: a stable key (party, share line) and its non-negative weight. */
export interface AllocationWeight {
  readonly key: string;
  readonly weight: bigint;
}

/**
 * Divides a total of micro-units over weighted keys so the parts sum exactly to the total
 * (the largest-remainder method): each key gets the floor of its exact share, and the units
 * left over go one each to the largest remainders, ties to the smaller key (ordinal compare),
 * so the result does not depend on the order of the weights. A negative total is allocated by
 * its absolute value and re-signed; zero weights get zero.
 * @example allocateLargestRemainder(100n, [{ key: 'a', weight: 1n }, { key: 'b', weight: 2n }]) // a → 33n, b → 67n
 */
export function allocateLargestRemainder(total: bigint, weights: readonly AllocationWeight[]): Map<string, bigint> {
  const keys = new Set<string>();
  let weightSum = 0n;
  for (const { key, weight } of weights) {
    if (weight < 0n) throw new ClefError('CLEF_MONEY_ALLOCATION_INVALID', `weight of ${JSON.stringify(key)} is negative (${weight})`, { field: key });
    if (keys.has(key)) throw new ClefError('CLEF_MONEY_ALLOCATION_INVALID', `key ${JSON.stringify(key)} appears twice`, { field: key });
    keys.add(key);
    weightSum += weight;
  }
  const allocation = new Map<string, bigint>(weights.map(({ key }) => [key, 0n]));
  if (total === 0n) return allocation;
  if (weightSum === 0n) {
    throw new ClefError('CLEF_MONEY_ALLOCATION_INVALID', `cannot allocate ${total} micro-units over ${weights.length} keys whose weights are all zero`);
  }
  const sign = total < 0n ? -1n : 1n;
  const amount = total * sign;
  let leftover = amount;
  const remainders: { key: string; remainder: bigint }[] = [];
  for (const { key, weight } of weights) {
    const exact = amount * weight;
    const floor = exact / weightSum;
    allocation.set(key, floor);
    leftover -= floor;
    remainders.push({ key, remainder: exact % weightSum });
  }
  if (leftover > 0n) {
    remainders.sort((a, b) => (a.remainder !== b.remainder ? (a.remainder > b.remainder ? -1 : 1) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (let i = 0; i < Number(leftover); i++) allocation.set(remainders[i].key, allocation.get(remainders[i].key)! + 1n);
  }
  if (sign < 0n) for (const [key, value] of allocation) allocation.set(key, -value);
  return allocation;
}
