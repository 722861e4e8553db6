import { accepted, refused, type IdentifierResult } from './identifier-result.js';
import { compactIdentifier } from './compact-identifier.js';

/** A CISAC IPI name number naming one name of a party: 11 digits, the last two a mod-101 check. */
export type IpiNameNumber = string & { readonly __brand: 'IpiNameNumber' };

/**
 * The 11-digit form of an IPI name number as typed: separators removed, and the older
 * 9- and 10-digit values (leading zeros lost in spreadsheets and CWR numeric fields) left-padded.
 */
export function normalizeIpiNameNumber(text: string): string {
  const compact = compactIdentifier(text, 'IPI');
  return /^\d{9,10}$/.test(compact) ? compact.padStart(11, '0') : compact;
}

/** The two check digits of the 9 base digits: Σ dᵢ·wᵢ with weights 10..2, mod 101; 0 stays 0, else (101 − s) mod 100. */
function ipiNameCheck(baseDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(baseDigits[i]) * (10 - i);
  const s = sum % 101;
  return s === 0 ? 0 : (101 - s) % 100;
}

/**
 * Parses an IPI name number (11 digits; 9 or 10 digits are left-padded with zeros).
 * @example parseIpiNameNumber('199') // refused: expected 11 digits
 * @example parseIpiNameNumber('000000199') // { ok: true, value: '00000000199' }
 */
export function parseIpiNameNumber(text: string): IdentifierResult<IpiNameNumber> {
  const digits = normalizeIpiNameNumber(text);
  if (!/^\d{11}$/.test(digits)) return refused(`expected 11 digits (9 or 10 are left-padded), found ${JSON.stringify(text)}`, 'shape');
  const expected = ipiNameCheck(digits.slice(0, 9));
  const found = Number(digits.slice(9));
  if (expected !== found) {
    return refused(`check digits should be ${String(expected).padStart(2, '0')}, found ${digits.slice(9)}`, 'check');
  }
  return accepted(digits as IpiNameNumber);
}

/**
 * The IPI name number of nine base digits, with its two check digits: numbers for generated catalogues and test data.
 * @example ipiNameNumberWithCheckDigits('190000030') // '19000003001'
 */
export function ipiNameNumberWithCheckDigits(nineDigits: string): IpiNameNumber {
  return `${nineDigits}${String(ipiNameCheck(nineDigits)).padStart(2, '0')}` as IpiNameNumber;
}

/** True when the text is a valid IPI name number. */
export function isValidIpiNameNumber(text: string): boolean {
  return parseIpiNameNumber(text).ok;
}

/** The display form of an IPI name number: its 11 digits. */
export function formatIpiNameNumber(ipi: IpiNameNumber): string {
  return ipi;
}
