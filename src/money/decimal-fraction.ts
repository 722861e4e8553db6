import { ClefError } from '../errors/clef-error.js';

/** An exact decimal number as numerator / 10^scale, so no float ever touches an amount or a rate. */
export interface DecimalFraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const decimalPattern = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;

/**
 * Reads a decimal string exactly: an optional sign, digits, an optional fraction and an optional
 * exponent (`1.5E-4`, which some DSPs' software writes for small revenues). No thousands
 * separators, no float conversion; a malformed value is a `CLEF_MONEY_AMOUNT_INVALID` error.
 * @example parseDecimalFraction('-12.50') // { numerator: -1250n, denominator: 100n }
 */
export function parseDecimalFraction(text: string): DecimalFraction {
  const match = decimalPattern.exec(text.trim());
  const whole = match?.[2] ?? '';
  const fraction = match?.[3] ?? '';
  if (!match || whole + fraction === '') {
    throw new ClefError('CLEF_MONEY_AMOUNT_INVALID', `${JSON.stringify(text)} is not a decimal number`, { value: text });
  }
  const exponent = Number(match[4] ?? '0');
  const scale = fraction.length - exponent;
  let numerator = BigInt(whole + fraction);
  if (match[1] === '-') numerator = -numerator;
  if (scale <= 0) return { numerator: numerator * 10n ** BigInt(-scale), denominator: 1n };
  return { numerator, denominator: 10n ** BigInt(scale) };
}
