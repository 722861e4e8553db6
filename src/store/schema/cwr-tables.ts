/** A CWR file Clef has imported, by content digest, so the same file imported twice is recognized. */
export interface CwrFileTable {
  digest: string;
  file_name: string;
  /** `registrations` or `acks`. */
  kind: string;
  version: string;
  imported_at: string;
  actor: string;
  /** The summary of the import, JSON. */
  summary: string;
}

/** What became of one transaction of an imported registration file: answers a repeated file with DU and the work numbers. */
export interface CwrFileTransactionTable {
  digest: string;
  transaction_index: number;
  submitter_work_number: string | null;
  status: string;
  work_id: string | null;
}

/** The CWR records of a registration received as CWR, field by field, so an export writes back what was read. */
export interface CwrRegistrationTable {
  registration_id: string;
  work_id: string;
  version: string;
  transaction_type: string;
  /** JSON array of `[record type, { field name: value }]`, blank fields left out, sequence prefixes left out. */
  records: string;
}

/** A society's acknowledgement of one of Clef's works: status, the society's work number, ISWC and messages. */
export interface CwrAckTable {
  ack_id: string;
  work_id: string;
  society_code: string;
  status: string;
  society_work_number: string | null;
  iswc: string | null;
  /** `YYYY-MM-DD` the society processed the transaction. */
  processing_date: string | null;
  file_name: string;
  file_digest: string;
  /** JSON array of the MSG messages. */
  messages: string;
  imported_at: string;
}

/** The CWR exchange's tables (migration 0004). */
export interface CwrTables {
  cwr_files: CwrFileTable;
  cwr_file_transactions: CwrFileTransactionTable;
  cwr_registrations: CwrRegistrationTable;
  cwr_acks: CwrAckTable;
}
