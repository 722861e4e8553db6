import { parseDecimalFraction } from './decimal-fraction.js';
import { divideRounded, type RoundingMode } from './rounding.js';

/**
 * An amount times a decimal rate given as text (a licence rate `"0.12"`, an exchange rate
 * `"1.0823"`), computed exactly and rounded once to the micro-unit.
 * @example multiplyByRate(409_050_000n, '0.12', 'halfEven') === 49_086_000n
 */
export function multiplyByRate(micros: bigint, rateText: string, rounding: RoundingMode = 'halfEven'): bigint {
  const rate = parseDecimalFraction(rateText);
  return divideRounded(micros * rate.numerator, rate.denominator, rounding);
}
