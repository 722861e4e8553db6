import { accepted, refused, type IdentifierResult } from './identifier-result.js';
import { compactIdentifier } from './compact-identifier.js';

/** A product code of a release (ICPN: UPC-A, EAN-13 or GTIN-14), stored as its 12 to 14 digits. */
export type Icpn = string & { readonly __brand: 'Icpn' };

/** The digits of an ICPN as typed (spaces and hyphens removed), not yet checked. */
export function normalizeIcpn(text: string): string {
  return compactIdentifier(text, '(?:ICPN|UPC|EAN|GTIN)');
}

/** The GS1 mod-10 check digit: from the right, weights 3,1,3,1… over the data digits. */
function gs1CheckDigit(dataDigits: string): number {
  let sum = 0;
  for (let i = dataDigits.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) sum += Number(dataDigits[i]) * weight;
  return (10 - (sum % 10)) % 10;
}

/**
 * Parses an ICPN, UPC-A or EAN-13 (12 to 14 digits with a GS1 check digit).
 * @example parseIcpn('4006381333931') // { ok: true, value: '4006381333931' }
 */
export function parseIcpn(text: string): IdentifierResult<Icpn> {
  const digits = normalizeIcpn(text);
  if (!/^\d{12,14}$/.test(digits)) return refused(`expected 12 to 14 digits (UPC-A, EAN-13, GTIN-14), found ${JSON.stringify(text)}`, 'shape');
  const expected = gs1CheckDigit(digits.slice(0, -1));
  const found = Number(digits.at(-1));
  if (expected !== found) return refused(`check digit should be ${expected}, found ${found}`, 'check');
  return accepted(digits as Icpn);
}

/** True when the text is a valid ICPN, UPC-A or EAN-13. */
export function isValidIcpn(text: string): boolean {
  return parseIcpn(text).ok;
}

/** The display form of an ICPN: its digits. */
export function formatIcpn(icpn: Icpn): string {
  return icpn;
}

/**
 * The 14-digit GTIN form, so the UPC-A and EAN-13 spellings of one product compare equal.
 * @example toGtin14(upc) === toGtin14(ean) // '012345678905' and '0012345678905'
 */
export function toGtin14(icpn: Icpn): string {
  return icpn.padStart(14, '0');
}
