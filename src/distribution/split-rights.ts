import type { Right } from '../registry/right.js';

/**
 * The weights a line's value is divided between rights by: the summary's RightsType/RightsTypePercentage where
 * given, else the policy split, either restricted to the rights the licence covers; covered rights that the split
 * leaves at zero everywhere share equally (a licence for PR alone under a split that names only MR).
 * @example rightsWeights(['PR'], null, { PR: 5000n, MR: 5000n }) // [{ key: 'PR', weight: 5000n }]
 */
export function rightsWeights(
  covered: readonly Right[],
  summarySplit: Readonly<Partial<Record<Right, bigint>>> | null,
  policySplit: Readonly<Partial<Record<Right, bigint>>>,
): { key: Right; weight: bigint }[] {
  const split = summarySplit ?? policySplit;
  const weights = [...covered].sort().map((right) => ({ key: right, weight: split[right] ?? 0n }));
  if (weights.every((w) => w.weight === 0n)) return weights.map((w) => ({ key: w.key, weight: 1n }));
  return weights.filter((w) => w.weight > 0n);
}
