import { ClefError } from '../errors/clef-error.js';

/**
 * How an exact quotient becomes a whole number of micro-units, named as in ECMA-402 `roundingMode`:
 * `halfEven` (banker's rounding, the default everywhere in Clef), `halfExpand` (half away from zero),
 * `trunc` (toward zero), `expand` (away from zero), `floor` and `ceil`.
 */
export type RoundingMode = 'halfEven' | 'halfExpand' | 'trunc' | 'expand' | 'floor' | 'ceil';

/** The rounding modes Clef accepts, for option parsing. */
export const roundingModes: readonly RoundingMode[] = ['halfEven', 'halfExpand', 'trunc', 'expand', 'floor', 'ceil'];

/**
 * numerator / denominator rounded to an integer by the given mode; the one place Clef rounds money.
 * @example divideRounded(5n, 2n, 'halfEven') === 2n; divideRounded(-7n, 2n, 'floor') === -4n
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', 'cannot divide an amount by zero');
  const n = denominator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const remainder = n % d;
  if (remainder === 0n) return quotient;
  const away = quotient + (n < 0n ? -1n : 1n);
  const twiceRemainder = (remainder < 0n ? -remainder : remainder) * 2n;
  switch (mode) {
    case 'trunc':
      return quotient;
    case 'expand':
      return away;
    case 'floor':
      return n < 0n ? away : quotient;
    case 'ceil':
      return n > 0n ? away : quotient;
    case 'halfExpand':
      return twiceRemainder >= d ? away : quotient;
    case 'halfEven':
      if (twiceRemainder !== d) return twiceRemainder > d ? away : quotient;
      return quotient % 2n === 0n ? quotient : away;
  }
}
