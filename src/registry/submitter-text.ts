import { ClefError } from '../errors/index.js';
import { parseIpiNameNumber } from '../identifiers/index.js';
import type { SubmitterReference } from './use-cases/work-submission.js';

/**
 * Reads a submitter as `SO:119`, `PB:IPI` or `WR:IPI` (the CLI's `--submitter`, the API's `submitter` field); without one
 * the CMO itself submits, under the society code `cmoSociety` gives (asked only then: it may need the settings).
 */
export async function parseSubmitterText(text: string | undefined, cmoSociety: () => Promise<string>): Promise<SubmitterReference> {
  if (!text) return { kind: 'cmo', societyCode: await cmoSociety() };
  const match = /^(SO|PB|WR):(.+)$/i.exec(text.trim());
  if (!match) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `submitter ${text} is not SO:<society>, PB:<IPI> or WR:<IPI>`, { field: 'submitter', value: text });
  const [, type, id] = match;
  if (type.toUpperCase() === 'SO') return { kind: 'society', societyCode: id.padStart(3, '0') };
  const ipi = parseIpiNameNumber(id);
  if (!ipi.ok) throw new ClefError('CLEF_ID_INVALID', `submitter ${text}: ${ipi.reason}`, { field: 'submitter', value: text });
  return { kind: type.toUpperCase() === 'PB' ? 'publisher' : 'writer', ipiNameNumber: ipi.value };
}
