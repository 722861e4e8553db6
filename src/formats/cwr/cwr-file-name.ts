import { ClefError } from '../../errors/clef-error.js';
import type { CwrVersion } from './cwr-layout.js';

/** What a CWR 2.x file name is made of: `CW` + year + sequence + sender code + `_` + receiver code + `.V21`/`.V22`. */
export interface CwrFileNameParts {
  /** The year the file was created, e.g. 2024 (written as two digits). */
  readonly year: number;
  /** The sender's sequence number of the file in that year, 1 to 9999. */
  readonly sequence: number;
  /** The sender's code: 2 or 3 characters (a publisher's code agreed with the society, or a society code). */
  readonly sender: string;
  /** The receiving society's 3-digit CISAC code, `000` for several. */
  readonly receiver: string;
  readonly version: Extract<CwrVersion, '2.1' | '2.2'>;
}

/**
 * The CWR file name `CWyynnnnsss_rrr.V21|.V22`.
 * @example cwrFileName({ year: 2022, sequence: 1, sender: 'DMP', receiver: '000', version: '2.1' }) === 'CW220001DMP_000.V21'
 */
export function cwrFileName(parts: CwrFileNameParts): string {
  const { year, sequence, sender, receiver, version } = parts;
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9999) {
    throw new ClefError('CLEF_CWR_WRITE_INVALID', `file sequence ${sequence} is not between 1 and 9999`, { value: String(sequence) });
  }
  if (!/^[A-Z0-9]{2,3}$/.test(sender)) throw new ClefError('CLEF_CWR_WRITE_INVALID', `sender code '${sender}' must be 2 or 3 letters or digits`, { value: sender });
  if (!/^\d{1,3}$/.test(receiver)) throw new ClefError('CLEF_CWR_WRITE_INVALID', `receiver '${receiver}' is not a society code`, { value: receiver });
  const yy = String(year % 100).padStart(2, '0');
  return `CW${yy}${String(sequence).padStart(4, '0')}${sender}_${receiver.padStart(3, '0')}.V${version.replace('.', '')}`;
}
