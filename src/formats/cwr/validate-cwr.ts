import type { Finding } from '../../errors/finding.js';
import type { Lookups } from '../../lookups/index.js';
import type { CwrField, CwrLayoutTable, CwrVersion } from './cwr-layout.js';
import { cwrLayoutsFor } from './cwr-layouts-for.js';
import { cwrFinding } from './cwr-finding.js';
import { checkCwrHeader } from './check-cwr-header.js';
import { checkCwrTransaction } from './check-cwr-transaction.js';
import { compileCwrFieldChecks, type CwrFieldChecker, type CwrRecordRole } from './check-cwr-fields.js';
import type { CwrRecord } from './parse-cwr-record.js';
import { readCwrTransactions, type CwrItem } from './read-cwr-transactions.js';

/** What validating a CWR file needs: the lookup tables, the file name for locations, and where findings go. */
export interface CwrValidationOptions {
  readonly lookups: Lookups;
  readonly fileName?: string;
  /** Called with each finding as soon as it is found, so a file with many findings needs no memory for them. */
  readonly onFinding: (finding: Finding) => void;
}

/** Counts of a validated file. */
export interface CwrValidationSummary {
  readonly version: CwrVersion;
  readonly lines: number;
  readonly groups: number;
  readonly transactions: number;
  readonly findings: number;
}

/** A control record or transaction as read, with the findings on its own lines that validating it found. */
export interface CwrCheckedItem {
  readonly item: CwrItem;
  readonly findings: readonly Finding[];
}

/**
 * Validates a CWR byte stream record by record and transaction by transaction, in constant memory:
 * record order, sequence numbers, group and trailer counts, mandatory fields, formats, lookups,
 * identifiers, dates, shares and territory chains. Each finding carries CWR's severity (ER, GR, TR, RR, FR).
 */
export async function validateCwr(source: AsyncIterable<Uint8Array>, options: CwrValidationOptions): Promise<CwrValidationSummary> {
  const items = readValidatedCwr(source, options);
  for (;;) {
    const next = await items.next();
    if (next.done) return next.value;
  }
}

/**
 * Validates as `validateCwr` does while yielding each item read with its findings, so a reader of the file needs one
 * pass for both. A group trailer's count findings come with the GRT, after the transactions they concern; the
 * findings of the stream as a whole (no HDR, no GRT or TRL at its end) go to `onFinding` alone, after the last item.
 */
export async function* readValidatedCwr(source: AsyncIterable<Uint8Array>, options: CwrValidationOptions): AsyncGenerator<CwrCheckedItem, CwrValidationSummary> {
  const { lookups, onFinding } = options;
  const file = options.fileName;
  const out: Finding[] = [];
  let version: CwrVersion = '2.1';
  let layouts: CwrLayoutTable = cwrLayoutsFor(version);
  const checkers: Record<CwrRecordRole, Map<readonly CwrField[], CwrFieldChecker>> = { file: new Map(), group: new Map(), transaction: new Map(), detail: new Map() };
  const checkFields = (record: CwrRecord, role: CwrRecordRole): void => {
    if (record.layout.length === 0) return;
    let checker = checkers[role].get(record.layout);
    if (!checker) checkers[role].set(record.layout, (checker = compileCwrFieldChecks(record.layout, role, lookups, file)));
    checker(record, out);
  };
  let lines = 0;
  let lastRecord: CwrRecord | undefined;
  let headerSeen = false;
  let trailerSeen = false;
  let groups = 0;
  let transactions = 0;
  let group: { record: CwrRecord; type: string; transactions: number; records: number } | undefined;
  const misplaced = (record: CwrRecord, severity: Finding['severity'], message: string): void => {
    out.push(cwrFinding('CLEF_CWR_RECORD_ORDER', severity, message, record, file));
  };
  const visitRecord = (record: CwrRecord): void => {
    lines++;
    lastRecord = record;
    for (const finding of record.findings) out.push(finding);
    if (trailerSeen) misplaced(record, 'ER', `${record.recordType} after the TRL trailer`);
    if (group) group.records++;
  };
  const visit = (item: CwrItem): void => {
    if (item.kind === 'transaction') {
      const { transaction } = item;
      for (const record of transaction.records) visitRecord(record);
      const header = transaction.records[0];
      if (!group) misplaced(header, 'TR', `${transaction.transactionType} transaction outside a group (no GRH before it)`);
      else {
        if (group.type !== transaction.transactionType) misplaced(header, 'TR', `${transaction.transactionType} transaction in a ${group.type} group`);
        const sequence = header.get('Transaction Sequence #') ?? '';
        if (!/^\d+$/.test(sequence) || Number(sequence) !== group.transactions) {
          out.push(cwrFinding('CLEF_CWR_SEQUENCE', 'GR', `transaction sequence # should be ${group.transactions}, found '${header.get('Transaction Sequence #')}'`, header, file, { name: 'Transaction Sequence #', start: 4 }));
        }
        group.transactions++;
      }
      transactions++;
      transaction.records.forEach((record, index) => checkFields(record, index === 0 ? 'transaction' : 'detail'));
      checkCwrTransaction(transaction, layouts, lookups, file, out);
      return;
    }
    const { record } = item;
    visitRecord(record);
    switch (record.recordType) {
      case 'HDR':
        if (lines !== 1 || headerSeen) misplaced(record, 'ER', 'HDR must be the first record and appear once');
        headerSeen = true;
        checkFields(record, 'file');
        checkCwrHeader(record, version, lookups, file, out);
        break;
      case 'GRH':
        if (group) misplaced(record, 'GR', `GRH before the GRT of group ${group.record.get('Group ID') ?? group.record.get('Group Code')}`);
        groups++;
        group = { record, type: record.get('Transaction Type') ?? '', transactions: 0, records: 1 };
        checkFields(record, 'group');
        checkCount(record, 'Group ID', 'Group Code', groups, 'GR', 'group ID');
        break;
      case 'GRT':
        checkFields(record, 'group');
        if (!group) misplaced(record, 'GR', 'GRT without a GRH');
        else {
          const id = group.record.get('Group ID') ?? group.record.get('Group Code');
          checkCount(record, 'Group ID', 'Group Code', Number(id), 'GR', 'group ID of its GRH');
          checkCount(record, 'Transaction Count', undefined, group.transactions, 'GR', 'number of transactions in the group');
          checkCount(record, 'Record Count', undefined, group.records, 'GR', 'number of records in the group, GRH and GRT included');
        }
        group = undefined;
        break;
      case 'TRL':
        checkFields(record, 'file');
        if (group) misplaced(record, 'GR', 'TRL before the GRT of the last group');
        checkCount(record, 'Group Count', undefined, groups, 'ER', 'number of groups');
        checkCount(record, 'Transaction Count', undefined, transactions, 'ER', 'number of transactions');
        checkCount(record, 'Record Count', undefined, lines, 'ER', 'number of records in the file');
        trailerSeen = true;
        break;
      default:
        if (record.findings.length === 0) misplaced(record, 'RR', `${record.recordType} record outside a transaction`);
    }
  };
  const checkCount = (record: CwrRecord, name: string, altName: string | undefined, expected: number, severity: Finding['severity'], what: string): void => {
    const fieldName = record.get(name) !== undefined ? name : (altName ?? name);
    const value = record.get(fieldName);
    if (value !== undefined && /^\d+$/.test(value) && Number(value) !== expected) {
      const field = layouts[record.recordType]?.find((f) => f.name === fieldName);
      out.push(cwrFinding('CLEF_CWR_COUNT_MISMATCH', severity, `${fieldName} is ${Number(value)} but the ${what} is ${expected}`, record, file, field));
    }
  };
  let findings = 0;
  const counting = (finding: Finding): void => { findings++; onFinding(finding); };
  for await (const item of readCwrTransactions(source, { fileName: file })) {
    if (item.version !== version) {
      version = item.version;
      layouts = cwrLayoutsFor(version);
    }
    visit(item);
    if (out.length > 1) out.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
    for (const finding of out) counting(finding);
    const findings = out.splice(0);
    yield { item, findings };
  }
  const end = { file, line: lines === 0 ? undefined : lines };
  if (lines === 0) counting({ code: 'CLEF_CWR_HEADER_MISSING', severity: 'ER', message: 'the file is empty: no HDR record', location: { ...end, line: 1 } });
  else {
    if (!headerSeen) counting({ code: 'CLEF_CWR_HEADER_MISSING', severity: 'ER', message: 'the file does not start with an HDR record', location: { file, line: 1 } });
    if (group) counting({ code: 'CLEF_CWR_TRAILER_MISSING', severity: 'GR', message: `group ${group.record.get('Group ID') ?? group.record.get('Group Code')} has no GRT trailer`, location: { ...end, recordType: lastRecord?.recordType } });
    if (!trailerSeen) counting({ code: 'CLEF_CWR_TRAILER_MISSING', severity: 'ER', message: 'the file ends without a TRL trailer: it is truncated or incomplete', location: { ...end, recordType: lastRecord?.recordType } });
  }
  return { version, lines, groups, transactions, findings };
}
