import { basename } from 'node:path';
import { ClefError } from '../errors/index.js';
import { parseDsrFileName } from '../formats/dsr/index.js';
import type { SignedIn } from '../access/access-rules.js';

/** Refuses a DSP user's upload of a file whose DSR name names another sender; staff may upload anyone's. */
export function requireOwnReports(user: SignedIn, paths: readonly string[]): void {
  if (user.role !== 'dsp') return;
  for (const path of paths) {
    const sender = parseDsrFileName(basename(path)).fileName?.sender;
    if (sender !== user.dpid) throw new ClefError('CLEF_AUTH_FORBIDDEN', `${basename(path)} is not a report of ${user.dpid}: a DSP uploads only its own reports`, { file: basename(path), field: 'Sender' });
  }
}
