import { accepted, refused, type IdentifierResult } from './identifier-result.js';
import { compactIdentifier } from './compact-identifier.js';

/** An International Standard Name Identifier (ISO 27729), stored compact: 15 digits + check character. */
export type Isni = string & { readonly __brand: 'Isni' };

/** The compact form of an ISNI as typed (spaces, hyphens and an `ISNI` or `ISNI::` label removed), not yet checked. */
export function normalizeIsni(text: string): string {
  return compactIdentifier(text, 'ISNI');
}

/** The ISO 7064 MOD 11-2 check character of 15 digits (`X` stands for 10). */
function isniCheck(digits: string): string {
  let p = 0;
  for (const digit of digits) p = ((p + Number(digit)) * 2) % 11;
  const r = (12 - p) % 11;
  return r === 10 ? 'X' : String(r);
}

/**
 * Parses an ISNI (`0000 0002 1825 0097`, `0000000218250097`, `ISNI::0000000218250097`).
 * @example parseIsni('0000 0002 1825 0097') // { ok: true, value: '0000000218250097' }
 */
export function parseIsni(text: string): IdentifierResult<Isni> {
  const compact = normalizeIsni(text);
  if (!/^\d{15}[\dX]$/.test(compact)) return refused(`expected 15 digits + check character (digit or X), found ${JSON.stringify(text)}`, 'shape');
  const expected = isniCheck(compact.slice(0, 15));
  if (expected !== compact[15]) return refused(`check character should be ${expected}, found ${compact[15]}`, 'check');
  return accepted(compact as Isni);
}

/** True when the text is a valid ISNI. */
export function isValidIsni(text: string): boolean {
  return parseIsni(text).ok;
}

/** The display form of an ISNI in four groups: `0000 0002 1825 0097`. */
export function formatIsni(isni: Isni): string {
  return `${isni.slice(0, 4)} ${isni.slice(4, 8)} ${isni.slice(8, 12)} ${isni.slice(12)}`;
}
