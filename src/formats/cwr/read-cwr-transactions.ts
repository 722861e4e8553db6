import type { CwrVersion } from './cwr-layout.js';
import { cwrLayoutsFor } from './cwr-layouts-for.js';
import { detectCwrVersion } from './cwr-version.js';
import { parseCwrRecord, type CwrRecord } from './parse-cwr-record.js';
import { readCwrLineBatches } from './read-cwr-lines.js';

/** One transaction: its header record (NWR, REV, WRK, ACK, ...) first, then its detail records in file order. */
export interface CwrTransaction {
  readonly version: CwrVersion;
  readonly transactionType: string;
  readonly records: readonly CwrRecord[];
}

/** What the transaction reader yields: a control record (HDR, GRH, GRT, TRL, or a record outside any transaction) or a whole transaction. */
export type CwrItem =
  | { readonly kind: 'record'; readonly version: CwrVersion; readonly record: CwrRecord }
  | { readonly kind: 'transaction'; readonly version: CwrVersion; readonly transaction: CwrTransaction };

/** Record types that open a transaction, per CWR generation. */
export const cwrTransactionTypes: Readonly<Record<'2' | '3', ReadonlySet<string>>> = {
  '2': new Set(['NWR', 'REV', 'ISW', 'EXC', 'ACK', 'AGR']),
  '3': new Set(['WRK', 'ISR', 'ISA', 'ACK', 'DRW', 'EXC', 'LIC']),
};

const controlTypes = new Set(['HDR', 'GRH', 'GRT', 'TRL']);

/** Options of the CWR readers: the file name locates findings and helps tell the version when the HDR does not. */
export interface CwrReadOptions {
  readonly fileName?: string;
}

/**
 * Reads a CWR byte stream into an async stream of control records and transactions, holding at most one
 * transaction in memory. The version comes from the HDR (or the file name) and picks the record layouts.
 * An ACK transaction keeps the transaction it echoes (NWR, REV, EXC, ...) among its detail records; an ACK record in a
 * group of another type ends the transaction it is in and comes as a record of its own (outside any transaction).
 */
export async function* readCwrTransactions(source: AsyncIterable<Uint8Array>, options: CwrReadOptions = {}): AsyncGenerator<CwrItem> {
  const file = options.fileName;
  let version: CwrVersion | undefined;
  let layouts = cwrLayoutsFor('2.1');
  let starters = cwrTransactionTypes['2'];
  let current: { transactionType: string; records: CwrRecord[] } | undefined;
  // The transaction type of the group being read: an ACK record in a group of another type is a stray record.
  let groupType: string | undefined;
  for await (const batch of readCwrLineBatches(source)) {
    const out: CwrItem[] = [];
    for (const line of batch) {
      if (version === undefined) {
        version = detectCwrVersion(line.text, file ?? '');
        layouts = cwrLayoutsFor(version);
        starters = cwrTransactionTypes[version.startsWith('3') ? '3' : '2'];
      }
      const record = parseCwrRecord(line, layouts, file);
      const type = record.recordType;
      if (type === 'GRH') groupType = record.get('Transaction Type');
      else if (type === 'GRT') groupType = undefined;
      const stray = type === 'ACK' && groupType !== undefined && groupType !== 'ACK';
      const opens = !stray && starters.has(type) && (current === undefined || current.transactionType !== 'ACK' || type === 'ACK');
      if (opens || stray || controlTypes.has(type)) {
        if (current) out.push({ kind: 'transaction', version, transaction: { version, ...current } });
        current = undefined;
      }
      if (opens) current = { transactionType: type, records: [record] };
      else if (current && !controlTypes.has(type) && !stray) current.records.push(record);
      else out.push({ kind: 'record', version, record });
    }
    yield* out;
  }
  if (current && version) yield { kind: 'transaction', version, transaction: { version, ...current } };
}
