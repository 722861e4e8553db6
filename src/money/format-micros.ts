import { ClefError } from '../errors/clef-error.js';
import { divideRounded, type RoundingMode } from './rounding.js';

/**
 * Micro-units as a decimal string with the given number of decimals (6, exact, by default;
 * fewer rounds, half-even unless told otherwise), for statements and JSON.
 * @example formatMicros(1234567n) === '1.234567'; formatMicros(1234567n, 2) === '1.23'
 */
export function formatMicros(micros: bigint, decimals = 6, rounding: RoundingMode = 'halfEven'): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `decimals must be a whole number from 0 to 6, got ${decimals}`);
  }
  const units = divideRounded(micros, 10n ** BigInt(6 - decimals), rounding);
  const sign = units < 0n ? '-' : '';
  const digits = (units < 0n ? -units : units).toString().padStart(decimals + 1, '0');
  if (decimals === 0) return sign + digits;
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}
