import type { Finding } from '../../errors/index.js';
import type { SubmitterReference } from './work-submission.js';
import type { StagingOptions } from './staged-works-import.js';

/** How a CWR registration file is imported. */
export interface CwrImportOptions extends StagingOptions {
  /** Overrides the submitter the HDR names. */
  readonly submitter?: SubmitterReference;
  /** Where to write the ACK file (the exact path; written whole or not at all). */
  readonly ackPath?: string;
  /** Transactions registered per store round trip. */
  readonly batchSize?: number;
  readonly onProgress?: (transactions: number) => void;
}

/** The answer to one transaction, as its ACK carries it. */
export interface CwrTransactionAnswer {
  readonly status: 'AS' | 'AC' | 'RA' | 'RJ' | 'CO' | 'DU' | 'NP';
  readonly workId?: string;
  readonly iswc?: string;
  readonly findings: readonly Finding[];
}

/** The summary of a CWR registration import. */
export interface CwrImportSummary {
  readonly file: string;
  readonly version: string;
  readonly digest: string;
  readonly transactions: number;
  readonly created: number;
  readonly added: number;
  readonly revised: number;
  /** Revisions changing the writers or their shares, held for review (answered RA) while the earlier registration stays in force. */
  readonly held: number;
  readonly rejected: number;
  readonly disputed: number;
  readonly noParticipation: number;
  /** True when the same file (same digest) was imported before: every transaction is answered DU, nothing counted. */
  readonly duplicate: boolean;
  /** True when an ER finding refused the whole file: nothing was registered. */
  readonly refused: boolean;
  readonly findingCount: number;
  readonly findings: readonly Finding[];
  readonly ackPath?: string;
}
