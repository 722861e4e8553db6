import { ClefError } from '../../errors/index.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { findRunPool, readStatementLineEntries } from '../../store/distribution/statement-queries.js';
import { parseStatementLineId } from '../statement-line-id.js';
import { readReportLines } from './read-report-lines.js';

/** A DSR line behind a statement line: the report, file and line number, and what it reported. */
export interface TracedLine {
  readonly report_id: string;
  readonly file_number: number;
  readonly line: number;
  readonly block_id: string;
  readonly sales_transaction_id: string;
  readonly recording_id: string | null;
  readonly usages: string;
}

/**
 * Lists the DSR lines a statement line was paid from: the lines of the pool's report and summary record whose
 * resource was matched to a recording of the line's work (or to the work itself), as matched now.
 */
export async function traceStatementLine(context: Pick<RegistryContext, 'store'>, lineId: string): Promise<TracedLine[]> {
  const ref = parseStatementLineId(lineId);
  if (!ref) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `${lineId} is not a statement line id (RUN:ACCOUNT:POOL:WORK:RIGHT, as in the statements' line_id)`, { value: lineId });
  const { db } = context.store;
  const entries = await readStatementLineEntries(db, ref.runId, ref.accountId, ref.poolId, ref.workId, ref.right);
  const pool = await findRunPool(db, ref.runId, ref.poolId);
  if (!pool || entries.length === 0) throw new ClefError('CLEF_NOT_FOUND', `run ${ref.runId} has no statement line ${lineId}`, { value: lineId });
  // An AI remuneration pool has no usage report; its line is paid for declared training items.
  if (BigInt(pool.report_id) === 0n) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `${lineId} is an AI remuneration line: run clef ai trace ${lineId}`, { value: lineId });
  const lines = (await readReportLines(db, BigInt(pool.report_id), { summaryRecordId: pool.summary_record_id })).filter((l) => l.workIds.includes(ref.workId));
  return lines
    .map((l) => ({ report_id: String(pool.report_id), file_number: Number(l.file_number), line: Number(l.line), block_id: l.block_id, sales_transaction_id: l.sales_transaction_id, recording_id: l.recording_id, usages: String(BigInt(l.usages) - BigInt(l.returns)) }))
    .sort((a, b) => a.file_number - b.file_number || a.line - b.line);
}
