import type { Finding } from '../../errors/index.js';
import type { DsrFileResult, DsrHeaderRow } from '../../formats/dsr/index.js';

/** What became of one file: staged (warnings allowed), refused (located errors) or a duplicate. */
export interface IngestOutcome {
  readonly file: string;
  readonly outcome: 'staged' | 'refused' | 'duplicate';
  readonly messageId: string | null;
  readonly reportId: bigint | null;
  readonly fileNumber: number | null;
  /** The report's status after this file: `complete` or `incomplete` (files still missing). */
  readonly reportStatus: string | null;
  readonly lines: number;
  readonly digest: string;
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
  readonly errorCount: number;
  readonly warningCount: number;
  /** For a duplicate: what it duplicates. */
  readonly duplicateOf?: string;
}

/** Thrown to stop a file while keeping what to report; its staged chunks are removed. */
export class Refusal extends Error {
  constructor(readonly outcome: IngestOutcome) {
    super(outcome.outcome);
  }
}

/** The outcome of a file from what reading it found. */
export function outcomeOf(file: string, result: DsrFileResult | undefined, outcome: IngestOutcome['outcome'], extra: Partial<IngestOutcome> = {}): IngestOutcome {
  return {
    file,
    outcome,
    messageId: result?.header?.messageId ?? null,
    reportId: null,
    fileNumber: null,
    reportStatus: null,
    lines: result?.lines ?? 0,
    digest: result?.digest ?? '',
    errors: result?.errors ?? [],
    warnings: result?.warnings ?? [],
    errorCount: result?.errorCount ?? 0,
    warningCount: result?.warningCount ?? 0,
    ...extra,
  };
}

/** A file whose report and file number are already in. */
export function duplicateOfReport(file: string, header: DsrHeaderRow, fileNumber: number, of: string): Refusal {
  return new Refusal({ ...outcomeOf(file, undefined, 'duplicate', { messageId: header.messageId, fileNumber }), duplicateOf: of });
}
