import type { CwrVersion } from './cwr-layout.js';

/**
 * The CWR version of a file from its HDR line, falling back on the file name: 3.x HDRs carry `3.0`/`3.1` at byte 103,
 * 2.2 HDRs carry `2.2` at byte 102, a 2.1 HDR has neither; `.V22` and `V3-1` in the name decide when the HDR is silent.
 */
export function detectCwrVersion(hdrText: string | undefined, fileName = ''): CwrVersion {
  if (hdrText !== undefined && hdrText.startsWith('HDR')) {
    const v3 = hdrText.slice(102, 105);
    if (v3 === '3.0' || v3 === '3.1') return v3;
    const v2 = hdrText.slice(101, 104);
    if (v2 === '2.2' || v2 === '2.1') return v2;
  }
  const name = fileName.toUpperCase();
  if (/V3-1/.test(name)) return '3.1';
  if (/V3-0/.test(name)) return '3.0';
  if (name.endsWith('.V22')) return '2.2';
  return '2.1';
}
