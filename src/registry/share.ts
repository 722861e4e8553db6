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

/** A share written as a percentage with at most two decimals (`50`, `33.33`) in basis points; undefined when not so written. */
export function parseSharePercent(text: string): BasisPoints | undefined {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : undefined;
}
