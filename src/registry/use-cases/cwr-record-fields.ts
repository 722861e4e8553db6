import type { CwrRecord } from '../../formats/cwr/index.js';

/** A record kept for write-back: its type and its filled fields by spec name, without the record prefix. */
export type CwrStoredRecord = readonly [recordType: string, fields: Readonly<Record<string, string>>];

/** The type and filled fields of a record, leaving out the prefix (type and sequence numbers) the writer sets again. */
export function cwrRecordFields(record: CwrRecord): CwrStoredRecord {
  const fields: Record<string, string> = {};
  for (const field of record.layout.slice(3)) {
    const value = record.get(field.name);
    if (value) fields[field.name] = value;
  }
  return [record.recordType, fields];
}
