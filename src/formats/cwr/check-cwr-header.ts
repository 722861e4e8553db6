import type { Finding } from '../../errors/finding.js';
import { parseIpiNameNumber } from '../../identifiers/index.js';
import { normalizeSocietyCode, type Lookups } from '../../lookups/index.js';
import type { CwrVersion } from './cwr-layout.js';
import { cwrFinding } from './cwr-finding.js';
import type { CwrRecord } from './parse-cwr-record.js';

const senderType = { name: 'Sender Type', start: 4 };
const senderId = { name: 'Sender ID', start: 6 };

/**
 * Checks the CWR 2.x HDR sender: `SO` with a CISAC society code, `PB`/`WR`/`AA` with an IPI name number, or
 * (CWR 2.1 Rev 8) two digits that are the first two digits of an 11-digit IPI name number whose other nine are the Sender ID.
 */
export function checkCwrHeader(record: CwrRecord, version: CwrVersion, lookups: Lookups, file: string | undefined, out: Finding[]): void {
  if (version.startsWith('3')) return;
  const type = record.get('Sender Type') ?? '';
  const id = record.get('Sender ID') ?? '';
  if (!/^\d+$/.test(id)) return;
  if (type === 'SO') {
    if (!lookups.societies.has(normalizeSocietyCode(id))) {
      out.push(cwrFinding('CLEF_CWR_LOOKUP_UNKNOWN', 'ER', `sender ID ${id} is not a CISAC society code`, record, file, senderId));
    }
    return;
  }
  let ipi: string;
  if (type === 'PB' || type === 'WR' || type === 'AA') ipi = id;
  else if (/^\d{2}$/.test(type)) ipi = type + id;
  else {
    out.push(cwrFinding('CLEF_CWR_LOOKUP_UNKNOWN', 'ER', `sender type '${type}' is none of SO, PB, WR, AA nor the two leading digits of an 11-digit IPI name number`, record, file, senderType));
    return;
  }
  const parsed = parseIpiNameNumber(ipi);
  if (!parsed.ok) out.push(cwrFinding('CLEF_CWR_IPI_INVALID', 'ER', `sender IPI name number ${ipi} is invalid: ${parsed.reason}`, record, file, senderId));
}
