import { createReadStream } from 'node:fs';
import { readCwrTransactions } from '../../src/formats/cwr/index.js';

/** Every record of a CWR file but the HDR, as `line: TYPE field=value …` with values trimmed and upper-cased, blank and all-zero values left out. */
export async function comparableRecords(path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const item of readCwrTransactions(createReadStream(path), { fileName: path })) {
    const records = item.kind === 'record' ? [item.record] : item.transaction.records;
    for (const record of records) {
      if (record.recordType === 'HDR') continue;
      const fields = record.layout
        .map((field) => [field.name, record.get(field.name)?.trim().toUpperCase() ?? ''] as const)
        .filter(([, value]) => value !== '' && !/^0+$/.test(value))
        .map(([name, value]) => `${name}=${value}`);
      out.push(fields.join(' | '));
    }
  }
  return out;
}
