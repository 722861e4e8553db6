import type { CwrRecord, CwrWork } from '../../formats/cwr/index.js';
import { parseIpiNameNumber } from '../../identifiers/index.js';
import type { SubmitterReference } from './work-submission.js';

/**
 * Who submits a CWR file, from its HDR. `SO`/`AA` senders are societies (the CMO itself when the code is its own);
 * `PB`/`WR` carry a 9-digit IPI name number (`00` prefixed); a numeric Sender Type is the first two digits of an
 * 11-digit IPI (CWR 2.1 Rev 8), a publisher unless only a writer of the first work carries that IPI. CWR 3.x HDRs
 * name the submitter's IPI directly, else the first controlled publisher's IPI stands for it.
 * Undefined when the HDR names no usable submitter.
 */
export function cwrSubmitter(hdr: CwrRecord, firstWork: CwrWork | undefined, cmoSocietyCode: string | undefined): SubmitterReference | undefined {
  const type = (hdr.get('Sender Type') ?? hdr.get('Submitter Type') ?? '').trim().toUpperCase();
  const id = (hdr.get('Sender ID') ?? '').trim();
  if (type === 'SO' || type === 'AA') {
    if (!/^\d+$/.test(id)) return undefined;
    const societyCode = String(Number(id)).padStart(3, '0');
    return cmoSocietyCode !== undefined && societyCode === cmoSocietyCode.padStart(3, '0') ? { kind: 'cmo', societyCode } : { kind: 'society', societyCode };
  }
  let ipiText: string | undefined;
  if (/^\d{2}$/.test(type)) ipiText = `${type}${id}`;
  else if (type === 'PB' || type === 'WR') ipiText = hdr.get('Submitter IPI Name Number')?.trim() || (id ? `00${id}` : undefined);
  ipiText ??= firstWork?.publishers.find((p) => p.controlled && p.ipiNameNumber)?.ipiNameNumber;
  const ipi = ipiText ? parseIpiNameNumber(ipiText) : undefined;
  if (!ipi?.ok) return undefined;
  const isWriter = type === 'WR' || (type !== 'PB' && !firstWork?.publishers.some((p) => p.ipiNameNumber === ipi.value) && Boolean(firstWork?.writers.some((w) => w.ipiNameNumber === ipi.value)));
  return { kind: isWriter ? 'writer' : 'publisher', ipiNameNumber: ipi.value };
}
