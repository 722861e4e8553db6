import { errorCodes, type ErrorCode } from '../../errors/error-codes.js';
import type { Finding } from '../../errors/finding.js';
import type { CwrRecord } from './parse-cwr-record.js';
import type { CwrTransaction } from './read-cwr-transactions.js';
import type { CwrRecordInput, CwrTransactionInput } from './write-cwr-file.js';

/** The outcome Clef gives one incoming transaction, to acknowledge it. */
export interface CwrAckOutcome {
  /** AS, AC, RA, RJ, CO, DU or NP (CWR transaction status). */
  readonly status: string;
  /** The CMO's work number for the work: the ACK's Recipient Creation #. */
  readonly recipientCreationNumber?: string;
  /** The ISWC when known; it replaces the echoed work's ISWC. */
  readonly iswc?: string;
  /** Findings on the transaction: one MSG record each for those that rejected something (FR, RR, TR, GR, ER). */
  readonly findings: readonly Finding[];
  /** `YYYYMMDD` and `HHMMSS` of the acknowledged file's HDR: the sender matches the ACK to its file by them. */
  readonly creationDate: string;
  readonly creationTime: string;
  /** `YYYYMMDD` the transaction was processed (no clock is read here). */
  readonly processingDate: string;
  /** The records the registration is now held with (records rejected by RR left out); the incoming ones when absent. */
  readonly echo?: readonly CwrRecord[];
}

/**
 * MSG Message Type and Message Level both name what is rejected: E file, G group, T transaction, R record, F field.
 * A registry rule that refuses a registration (`error`) rejects its transaction; a warning rejects nothing and is no MSG.
 */
const levelOf: Readonly<Record<string, string>> = { ER: 'E', GR: 'G', TR: 'T', RR: 'R', FR: 'F', error: 'T' };
/** Codes are only ever appended within their part, so a code's place in its part is a stable number. */
const cwrCodes = Object.keys(errorCodes).filter((code) => code.startsWith('CLEF_CWR_'));
const registryCodes = Object.keys(errorCodes).filter((code) => code.startsWith('CLEF_REGISTRY_'));

/** The 3-digit validation number of a rule: 001–099 the CWR file rules, 101–199 the registry's share rules. */
export function cwrValidationNumber(code: ErrorCode): string {
  const cwr = cwrCodes.indexOf(code);
  const registry = registryCodes.indexOf(code);
  return String(cwr >= 0 ? cwr + 1 : registry >= 0 ? 101 + registry : 0).padStart(3, '0');
}

function echo(record: CwrRecord, iswc: string | undefined, isHeader: boolean): CwrRecordInput {
  const { 'Record Type': _type, ...fields } = record.fields;
  return { recordType: record.recordType, fields: isHeader && iswc ? { ...fields, ISWC: iswc } : fields };
}

/**
 * The ACK transaction (CWR 2.x) answering one incoming transaction from group `groupId`, as societies send it: an ACK
 * record with the original file's creation date and time, the status, titles and work numbers; one MSG per finding that
 * rejected something, typed by what it rejected, with the original record's sequence # and type and the rule's
 * validation number; then the registration as now held, with the ISWC when known.
 * Write the result with writeCwrFile in an ACK group.
 */
export function writeCwrAck(incoming: CwrTransaction, groupId: number, outcome: CwrAckOutcome): CwrTransactionInput {
  const header = incoming.records[0];
  const sequenceOf = new Map(incoming.records.map((r) => [r.lineNumber, Number(r.text.slice(11, 19)) || 0]));
  const ack: CwrRecordInput = {
    recordType: 'ACK',
    fields: {
      'Creation Date': outcome.creationDate,
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
  const messages: CwrRecordInput[] = outcome.findings.filter((finding) => levelOf[finding.severity]).map((finding) => ({
    recordType: 'MSG',
    fields: {
      'Message Type': levelOf[finding.severity],
      'Original Record Sequence #': sequenceOf.get(finding.location.line ?? -1) ?? 0,
      'Original Record Type': (finding.location.recordType ?? header.recordType).slice(0, 3),
      'Message Level': levelOf[finding.severity],
      'Validation Number': cwrValidationNumber(finding.code),
      'Message Text': `${finding.location.field ? `${finding.location.field}: ` : ''}${finding.message}`.slice(0, 150),
    },
  }));
  const echoed = (outcome.echo ?? incoming.records).map((record, index) => echo(record, outcome.iswc, index === 0));
  return [ack, ...messages, ...echoed];
}
