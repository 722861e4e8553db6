import { ClefError } from '../../errors/clef-error.js';
import { parseIpiNameNumber } from '../../identifiers/index.js';

/** Who sends a CWR file: a society by its CISAC code, or a publisher or writer by IPI name number. */
export type CwrSender =
  | { readonly type: 'SO'; readonly societyCode: string | number }
  | { readonly type: 'PB' | 'WR'; readonly ipiNameNumber: string };

/** The HDR fields of a 2.x sender. */
export interface CwrSenderFields {
  readonly 'Sender Type': string;
  readonly 'Sender ID': string;
}

/**
 * The HDR Sender Type and Sender ID of a sender. CWR 2.1 Rev 8: an IPI name number whose 11 digits do not start
 * with `00` does not fit the 9-digit Sender ID, so its first two digits go in Sender Type and the other nine in Sender ID.
 * Parses `SO:052`, `PB:00000000199`, `WR:09000000020` from text with parseCwrSender.
 */
export function cwrSenderFields(sender: CwrSender): CwrSenderFields {
  if (sender.type === 'SO') {
    const code = String(sender.societyCode).trim();
    if (!/^\d{1,9}$/.test(code)) throw new ClefError('CLEF_CWR_WRITE_INVALID', `society code '${code}' is not numeric`, { field: 'Sender ID', value: code });
    return { 'Sender Type': 'SO', 'Sender ID': code.padStart(9, '0') };
  }
  const parsed = parseIpiNameNumber(sender.ipiNameNumber);
  if (!parsed.ok) throw new ClefError('CLEF_CWR_WRITE_INVALID', `sender IPI name number: ${parsed.reason}`, { field: 'Sender ID', value: sender.ipiNameNumber });
  const ipi: string = parsed.value;
  return ipi.startsWith('00')
    ? { 'Sender Type': sender.type, 'Sender ID': ipi.slice(2) }
    : { 'Sender Type': ipi.slice(0, 2), 'Sender ID': ipi.slice(2) };
}

/** Reads a sender written as `SO:<society code>`, `PB:<IPI name number>` or `WR:<IPI name number>`. */
export function parseCwrSender(text: string): CwrSender {
  const match = /^(SO|PB|WR):(\S+)$/.exec(text.trim());
  if (!match) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `sender '${text}' is not SO:<society code>, PB:<IPI name number> or WR:<IPI name number>`, { value: text });
  return match[1] === 'SO' ? { type: 'SO', societyCode: match[2] } : { type: match[1] as 'PB' | 'WR', ipiNameNumber: match[2] };
}
