import { errorCodes, type ErrorCode } from '../../errors/error-codes.js';
import type { Finding } from '../../errors/finding.js';
import type { CwrRecord } from './parse-cwr-record.js';
import type { CwrTransaction } from './read-cwr-transactions.js';
import type { CwrRecordInput, CwrTransactionInput } from './write-cwr-file.js';

/** The outcome Clef gives one incoming transaction, to acknowledge it. */
export interface CwrAckOutcome {
  /** RA, AS, AC, RJ, CO, DU or NP (CWR transaction status). */
  readonly status: string;
  /** The CMO's work number for the work: the ACK's Recipient Creation #. */
  readonly recipientCreationNumber?: string;
  /** The ISWC when known; it replaces the echoed work's ISWC. */
  readonly iswc?: string;
  /** Findings on the transaction, one MSG record each. */
  readonly findings: readonly Finding[];
  /** `YYYYMMDD`: when the ACK is created and the transaction was processed (no clock is read here). */
  readonly processingDate: string;
  readonly creationTime: string;
}

/** MSG Message Type and Message Level both name what is rejected: E file, G group, T transaction, R record, F field. */
const levelOf: Readonly<Record<string, string>> = { ER: 'E', GR: 'G', TR: 'T', RR: 'R', FR: 'F' };
/** A stable 3-digit validation number per CWR finding code: its place among the CLEF_CWR_ codes, which are only ever appended. */
const cwrCodes = Object.keys(errorCodes).filter((code) => code.startsWith('CLEF_CWR_'));

function validationNumber(code: ErrorCode): string {
  return String(cwrCodes.indexOf(code) + 1).padStart(3, '0');
}

function echo(record: CwrRecord, iswc: string | undefined, isHeader: boolean): CwrRecordInput {
  const { 'Record Type': _type, ...fields } = record.fields;
  return { recordType: record.recordType, fields: isHeader && iswc ? { ...fields, ISWC: iswc } : fields };
}

/**
 * The ACK transaction (CWR 2.x) answering one incoming transaction from group `groupId`: an ACK record with the status,
 * titles and work numbers, one MSG per finding, then the echoed transaction with the ISWC when known.
 * Write the result with writeCwrFile in an ACK group.
 */
export function writeCwrAck(incoming: CwrTransaction, groupId: number, outcome: CwrAckOutcome): CwrTransactionInput {
  const header = incoming.records[0];
  const sequenceOf = new Map(incoming.records.map((r) => [r.lineNumber, Number(r.text.slice(11, 19)) || 0]));
  const ack: CwrRecordInput = {
    recordType: 'ACK',
    fields: {
      'Creation Date': outcome.processingDate,
      'Creation Time': outcome.creationTime,
      'Original Group ID': groupId,
      'Original Transaction Sequence #': header.text.slice(3, 11).trim(),
      'Original Transaction Type': header.recordType,
      'Creation Title': header.get('Work Title')?.slice(0, 60),
      'Submitter Creation #': header.get('Submitter Work #'),
      'Recipient Creation #': outcome.recipientCreationNumber,
      'Processing Date': outcome.processingDate,
      'Transaction Status': outcome.status,
    },
  };
  const messages: CwrRecordInput[] = outcome.findings.map((finding) => ({
    recordType: 'MSG',
    fields: {
      'Message Type': levelOf[finding.severity] ?? 'F',
      'Original Record Sequence #': sequenceOf.get(finding.location.line ?? -1) ?? 0,
      'Original Record Type': (finding.location.recordType ?? header.recordType).slice(0, 3),
      'Message Level': levelOf[finding.severity] ?? 'F',
      'Validation Number': validationNumber(finding.code),
      'Message Text': `${finding.location.field ? `${finding.location.field}: ` : ''}${finding.message}`.slice(0, 150),
    },
  }));
  const echoed = incoming.records.map((record, index) => echo(record, outcome.iswc, index === 0));
  return [ack, ...messages, ...echoed];
}
