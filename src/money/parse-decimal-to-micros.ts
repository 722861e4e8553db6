import { ClefError } from '../errors/clef-error.js';
import { parseDecimalFraction } from './decimal-fraction.js';
import { divideRounded, type RoundingMode } from './rounding.js';

/** Micro-units per unit of currency: amounts carry 6 decimals. */
export const microsPerUnit = 1_000_000n;

/**
 * A decimal amount as bigint micro-units, exactly. More than 6 significant decimals is a
 * `CLEF_MONEY_AMOUNT_INVALID` error unless a rounding mode says how to round them.
 * @example parseDecimalToMicros('12.345678') === 12345678n
 * @example parseDecimalToMicros('0.0000005', 'halfEven') === 0n
 */
export function parseDecimalToMicros(text: string, rounding?: RoundingMode): bigint {
  const { numerator, denominator } = parseDecimalFraction(text);
  const scaled = numerator * microsPerUnit;
  if (scaled % denominator === 0n) return scaled / denominator;
  if (rounding === undefined) {
    throw new ClefError('CLEF_MONEY_AMOUNT_INVALID', `${JSON.stringify(text)} has more than 6 decimals; give a rounding mode to round it`, { value: text });
  }
  return divideRounded(scaled, denominator, rounding);
}
