import type { CwrTransaction } from './read-cwr-transactions.js';
import { toCwrWork } from './to-cwr-work.js';
import type { CwrWork } from './cwr-work.js';

/** One MSG record of an acknowledgement: why a field, record, transaction, group or file was rejected. */
export interface CwrAckMessage {
  /** F field, R record, T transaction, G group, E entire file rejected. */
  readonly messageType: string;
  readonly originalRecordSequence?: number;
  readonly recordType?: string;
  readonly messageLevel?: string;
  readonly validationNumber?: string;
  readonly text: string;
}

/**
 * A society's acknowledgement of one transaction: its status (RA, AS, AC, RJ, CO, DU, NP, RC; 3.1 adds SR, CR, DR),
 * the society's work number (Recipient Creation #), dates, the ISWC taken from the echoed work, and the MSG messages.
 */
export interface CwrAck {
  readonly status: string;
  readonly originalGroupId?: number;
  readonly originalTransactionSequence?: number;
  readonly originalTransactionType?: string;
  readonly creationTitle?: string;
  readonly submitterCreationNumber?: string;
  readonly recipientCreationNumber?: string;
  /** `YYYYMMDD` of the ACK's creation. */
  readonly creationDate?: string;
  /** `YYYYMMDD` the society processed the transaction. */
  readonly processingDate?: string;
  readonly iswc?: string;
  readonly messages: readonly CwrAckMessage[];
  /** The work the ACK echoes (NWR, REV, EXC ...), when it does. */
  readonly work?: CwrWork;
}

function value(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

function numeric(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

/** The typed acknowledgement of an ACK transaction (2.x or 3.x), or undefined for any other transaction type. */
export function toCwrAck(transaction: CwrTransaction): CwrAck | undefined {
  const ack = transaction.records[0];
  if (ack?.recordType !== 'ACK') return undefined;
  const work = toCwrWork(transaction);
  const messages = transaction.records
    .filter((r) => r.recordType === 'MSG')
    .map((r) => ({
      messageType: r.get('Message Type') ?? '',
      originalRecordSequence: numeric(r.get('Original Record Sequence #')),
      recordType: value(r.get('Original Record Type')),
      messageLevel: value(r.get('Message Level')),
      validationNumber: value(r.get('Validation Number')),
      text: r.get('Message Text') ?? '',
    }));
  return {
    status: ack.get('Transaction Status') ?? '',
    originalGroupId: numeric(ack.get('Original Group ID') ?? ack.get('Original Group Code')),
    originalTransactionSequence: numeric(ack.get('Original Transaction Sequence #') ?? ack.get('Original Transaction Sequence Number')),
    originalTransactionType: value(ack.get('Original Transaction Type')),
    creationTitle: value(ack.get('Creation Title')),
    submitterCreationNumber: value(ack.get('Submitter Creation #') ?? ack.get('Submitter Creation Number')),
    recipientCreationNumber: value(ack.get('Recipient Creation #') ?? ack.get('Recipient Creation Number')),
    creationDate: value(ack.get('Creation Date')),
    processingDate: value(ack.get('Processing Date')),
    iswc: work?.iswc,
    messages,
    work,
  };
}
