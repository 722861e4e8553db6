import { accepted, refused, type IdentifierResult } from './identifier-result.js';
import { cisacCheckDigit } from './cisac-check-digit.js';
import { compactIdentifier } from './compact-identifier.js';

/** A CISAC IPI base number naming a party (person or company), stored compact: `I1234567893`. */
export type IpiBaseNumber = string & { readonly __brand: 'IpiBaseNumber' };

/** The compact form of an IPI base number as typed (separators removed, uppercased), not yet checked. */
export function normalizeIpiBaseNumber(text: string): string {
  return compactIdentifier(text, 'IPI');
}

/**
 * Parses an IPI base number (`I-123456789-3` or `I1234567893`).
 * @example parseIpiBaseNumber('I-123456789-3') // { ok: true, value: 'I1234567893' }
 */
export function parseIpiBaseNumber(text: string): IdentifierResult<IpiBaseNumber> {
  const compact = normalizeIpiBaseNumber(text);
  if (!/^I\d{10}$/.test(compact)) return refused(`expected I + 9 digits + check digit, found ${JSON.stringify(text)}`, 'shape');
  const expected = cisacCheckDigit(compact, 2, 1);
  const found = Number(compact[10]);
  if (expected !== found) return refused(`check digit should be ${expected}, found ${found}`, 'check');
  return accepted(compact as IpiBaseNumber);
}

/** True when the text is a valid IPI base number. */
export function isValidIpiBaseNumber(text: string): boolean {
  return parseIpiBaseNumber(text).ok;
}

/** The display form of an IPI base number: `I-123456789-3`. */
export function formatIpiBaseNumber(ipi: IpiBaseNumber): string {
  return `I-${ipi.slice(1, 10)}-${ipi[10]}`;
}
