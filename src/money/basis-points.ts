import { ClefError } from '../errors/clef-error.js';
import { parseDecimalFraction } from './decimal-fraction.js';
import { divideRounded, type RoundingMode } from './rounding.js';

/** Basis points in a whole: 10000 = 100 %, the same scale as CWR's 5-digit shares. */
export const basisPointsPerWhole = 10_000n;

/**
 * The part of an amount that a number of basis points names (a commission, a share), rounded
 * once to the micro-unit.
 * @example applyBasisPoints(1_000_000n, 1250n) === 125_000n // 12.50 % of 1.000000
 */
export function applyBasisPoints(micros: bigint, basisPoints: bigint, rounding: RoundingMode = 'halfEven'): bigint {
  return divideRounded(micros * basisPoints, basisPointsPerWhole, rounding);
}

/**
 * A percentage written as text (`"12.5"`, `"12.5%"`, `"100"`) as whole basis points; more than
 * 2 decimals is a `CLEF_MONEY_AMOUNT_INVALID` error, since it cannot be said in basis points.
 * @example parsePercentToBasisPoints('12.5%') === 1250n
 */
export function parsePercentToBasisPoints(text: string): bigint {
  const { numerator, denominator } = parseDecimalFraction(text.trim().replace(/\s*%$/, ''));
  const scaled = numerator * 100n;
  if (scaled % denominator !== 0n) {
    throw new ClefError('CLEF_MONEY_AMOUNT_INVALID', `${JSON.stringify(text)} has more than 2 decimals, finer than a basis point`, { value: text });
  }
  return scaled / denominator;
}
