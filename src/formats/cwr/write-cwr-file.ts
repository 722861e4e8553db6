import { ClefError } from '../../errors/clef-error.js';
import type { CwrVersion } from './cwr-layout.js';
import { cwrLayoutsFor } from './cwr-layouts-for.js';
import { cwrSenderFields, type CwrSender } from './cwr-sender.js';
import { formatCwrRecord, type CwrFieldValues } from './format-cwr-record.js';

/** One record to write: its type and field values by spec name (sequence numbers are set by the writer). */
export interface CwrRecordInput {
  readonly recordType: string;
  readonly fields: CwrFieldValues;
}

/** One transaction to write: its header record (NWR, REV, ACK, ...) first, then its detail records. */
export type CwrTransactionInput = readonly CwrRecordInput[];

/** A group: the transactions of one type, in a stream so a catalogue never sits in memory whole. */
export interface CwrGroupInput {
  readonly transactionType: string;
  readonly transactions: Iterable<CwrTransactionInput> | AsyncIterable<CwrTransactionInput>;
}

/** The HDR of a file to write; the creation moment is passed in (no clock is read here). */
export interface CwrFileHeaderInput {
  readonly version: Extract<CwrVersion, '2.1' | '2.2'>;
  readonly sender: CwrSender;
  readonly senderName: string;
  /** `YYYYMMDD` */
  readonly creationDate: string;
  /** `HHMMSS` */
  readonly creationTime: string;
  /** `YYYYMMDD`, the creation date when absent. */
  readonly transmissionDate?: string;
  readonly characterSet?: string;
  readonly software?: { readonly package: string; readonly version: string };
  /** Line ending written after every record; CWR files use CRLF. */
  readonly lineEnding?: string;
}

/**
 * Writes a CWR 2.1 or 2.2 file as a stream of lines (each with its line ending): HDR, then per group GRH,
 * its transactions with transaction and record sequence numbers set, and GRT with its counts; then TRL.
 * The HDR sender follows the 2.1 Rev 8 rule for 11-digit IPI name numbers (see cwrSenderFields).
 */
export async function* writeCwrFile(header: CwrFileHeaderInput, groups: Iterable<CwrGroupInput> | AsyncIterable<CwrGroupInput>): AsyncGenerator<string> {
  const { version } = header;
  const layouts = cwrLayoutsFor(version);
  const end = header.lineEnding ?? '\r\n';
  const hdr: Record<string, string | undefined> = {
    ...cwrSenderFields(header.sender),
    'Sender Name': header.senderName,
    'EDI Standard Version Number': '01.10',
    'Creation Date': header.creationDate,
    'Creation Time': header.creationTime,
    'Transmission Date': header.transmissionDate ?? header.creationDate,
    'Character Set': header.characterSet,
  };
  if (version === '2.2') {
    Object.assign(hdr, { Version: '2.2', 'Software Package': header.software?.package, 'Software Package Version': header.software?.version });
  }
  yield formatCwrRecord('HDR', hdr, layouts) + end;
  let groupCount = 0;
  let transactionTotal = 0;
  let recordTotal = 2;
  for await (const group of groups) {
    groupCount++;
    yield formatCwrRecord('GRH', {
      'Transaction Type': group.transactionType,
      'Group ID': groupCount,
      'Version Number for this transaction type': version === '2.2' ? '02.20' : '02.10',
      'Batch request': 0,
    }, layouts) + end;
    let transactions = 0;
    let records = 2;
    for await (const transaction of group.transactions) {
      if (transaction[0]?.recordType !== group.transactionType) {
        throw new ClefError('CLEF_CWR_WRITE_INVALID', `a ${group.transactionType} group holds a transaction starting with '${transaction[0]?.recordType}'`, { recordType: transaction[0]?.recordType });
      }
      let lines = '';
      transaction.forEach((record, index) => {
        lines += formatCwrRecord(record.recordType, { ...record.fields, 'Transaction Sequence #': transactions, 'Record Sequence #': index }, layouts) + end;
      });
      yield lines;
      transactions++;
      records += transaction.length;
    }
    yield formatCwrRecord('GRT', { 'Group ID': groupCount, 'Transaction Count': transactions, 'Record Count': records }, layouts) + end;
    transactionTotal += transactions;
    recordTotal += records;
  }
  yield formatCwrRecord('TRL', { 'Group Count': groupCount, 'Transaction Count': transactionTotal, 'Record Count': recordTotal }, layouts) + end;
}
