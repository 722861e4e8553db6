import { accepted, refused, type IdentifierResult } from './identifier-result.js';
import { compactIdentifier } from './compact-identifier.js';

/** A DDEX Party Identifier: `PADPIDA` + 10 digits + an ISO 7064 MOD 37,36 check character. */
export type Dpid = string & { readonly __brand: 'Dpid' };

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The compact form of a DPID as typed (spaces and hyphens removed, uppercased), not yet checked. */
export function normalizeDpid(text: string): string {
  return compactIdentifier(text, 'DPID');
}

/** The ISO 7064 MOD 37,36 (hybrid) check character over all 17 preceding characters, `PADPIDA` included. */
function dpidCheck(body: string): string {
  let p = 36;
  for (const char of body) {
    const s = (p + alphabet.indexOf(char)) % 36;
    p = ((s === 0 ? 36 : s) * 2) % 37;
  }
  return alphabet[(37 - p) % 36];
}

/**
 * Parses a DDEX Party ID. A wrong check character is refused with problem `check`: the real
 * DSP ids in the DSR fixtures pass, while the placeholder recipient `PADPIDA2014999999Z` of the
 * DSRF test files fails, so readers of third-party DSR files report it as a warning, not an error.
 * @example parseDpid('PADPIDA2014111801Y') // { ok: true, value: 'PADPIDA2014111801Y' }
 */
export function parseDpid(text: string): IdentifierResult<Dpid> {
  const compact = normalizeDpid(text);
  if (!/^PADPIDA\d{10}[0-9A-Z]$/.test(compact)) return refused(`expected PADPIDA + 10 digits + check character, found ${JSON.stringify(text)}`, 'shape');
  const expected = dpidCheck(compact.slice(0, 17));
  if (expected !== compact[17]) return refused(`check character should be ${expected}, found ${compact[17]}`, 'check');
  return accepted(compact as Dpid);
}

/** True when the text is a valid DDEX Party ID. */
export function isValidDpid(text: string): boolean {
  return parseDpid(text).ok;
}

/** The display form of a DPID: its 18 characters. */
export function formatDpid(dpid: Dpid): string {
  return dpid;
}
