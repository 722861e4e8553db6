import type { Right } from './right.js';

/** A share in basis points: 10000 = 100.00 %, the same integer as CWR's 5-digit share fields. */
export type BasisPoints = number;

/** A whole work's share of a right: 100.00 %. */
export const fullShare: BasisPoints = 10000;

/** CWR's tolerance on share totals: ±0.06 %, in basis points. */
export const shareTolerance: BasisPoints = 6;

/** One share per right, e.g. a party's ownership of PR, MR and SR. */
export type RightShares = Readonly<Record<Right, BasisPoints>>;

/** Formats basis points as a percentage for messages: 5001 → "50.01 %". */
export function formatShare(share: BasisPoints): string {
  const sign = share < 0 ? '-' : '';
  const abs = Math.abs(share);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')} %`;
}
