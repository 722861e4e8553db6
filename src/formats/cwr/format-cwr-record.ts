import { ClefError } from '../../errors/clef-error.js';
import type { CwrLayoutTable } from './cwr-layout.js';

/** Field values to write, by spec field name; numbers are written zero-padded, absent fields blank. */
export type CwrFieldValues = Readonly<Record<string, string | number | undefined>>;

/**
 * Writes one record from its layout: alphanumeric fields left-justified and space-padded, numeric fields
 * right-justified and zero-padded (a blank numeric field stays blank). Throws CLEF_CWR_WRITE_INVALID for a field
 * the layout does not have, a value longer than its field, or a character outside latin-1.
 * @example formatCwrRecord('ALT', { 'Transaction Sequence #': 0, 'Record Sequence #': 3, 'Alternate Title': 'X', 'Title Type': 'AT' }, layouts)
 */
export function formatCwrRecord(recordType: string, values: CwrFieldValues, layouts: CwrLayoutTable): string {
  const layout = layouts[recordType];
  if (!layout) throw new ClefError('CLEF_CWR_WRITE_INVALID', `no layout for record type '${recordType}'`, { recordType });
  for (const name of Object.keys(values)) {
    if (!layout.some((f) => f.name === name)) throw new ClefError('CLEF_CWR_WRITE_INVALID', `${recordType} has no field '${name}'`, { recordType, field: name });
  }
  let line = '';
  for (const field of layout) {
    const raw = field.name === 'Record Type' && field.start === 1 ? recordType : values[field.name];
    let text = raw === undefined ? '' : String(raw);
    if (field.format === 'N' && text !== '') text = text.padStart(field.size, '0');
    if (text.length > field.size) {
      throw new ClefError('CLEF_CWR_WRITE_INVALID', `'${text}' is longer than the ${field.size} characters of ${recordType} '${field.name}'`, { recordType, field: field.name, value: text });
    }
    if (/[^\x00-\xff]/.test(text)) {
      throw new ClefError('CLEF_CWR_WRITE_INVALID', `'${text}' holds characters outside latin-1`, { recordType, field: field.name, value: text });
    }
    line += text.padEnd(field.size, ' ');
  }
  return line;
}
