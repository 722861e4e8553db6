import { allocateLargestRemainder, parsePercentToBasisPoints } from '../money/index.js';
import type { Right } from '../registry/right.js';

/** The DSRF RightsCoverage values a pool can pay, as Clef's rights. */
const rightOfCoverage: Readonly<Record<string, Right>> = { PerformingRight: 'PR', MechanicalRight: 'MR', ReproductionRight: 'MR' };

/**
 * A summary's rights split in basis points: its RightsType gets its RightsTypePercentage (all of it when none is
 * given) and the other rights of the policy split share the rest in the policy's proportions. Null when the summary
 * names no right Clef pays (no RightsType, or one like SynchronizationRight) or an unreadable percentage, so the
 * policy split applies.
 * @example summaryRightsSplit('MechanicalRight', '30', { PR: 5000n, MR: 5000n }) // { MR: 3000n, PR: 7000n }
 */
export function summaryRightsSplit(
  rightsType: string | null,
  percentage: string | null,
  policySplit: Readonly<Partial<Record<Right, bigint>>>,
): Partial<Record<Right, bigint>> | null {
  const right = rightsType === null ? undefined : rightOfCoverage[rightsType.trim()];
  if (right === undefined) return null;
  let share = 10_000n;
  if (percentage !== null && percentage.trim() !== '') {
    try {
      share = parsePercentToBasisPoints(percentage);
    } catch {
      return null;
    }
    if (share < 0n || share > 10_000n) return null;
  }
  const split: Partial<Record<Right, bigint>> = { [right]: share };
  const others = (Object.entries(policySplit) as [Right, bigint][]).filter(([r, w]) => r !== right && w > 0n).sort(([a], [b]) => (a < b ? -1 : 1));
  if (others.length === 0) return share === 10_000n ? split : null;
  for (const [r, part] of allocateLargestRemainder(10_000n - share, others.map(([key, weight]) => ({ key, weight })))) split[r as Right] = part;
  return split;
}
