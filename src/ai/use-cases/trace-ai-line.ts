import { ClefError } from '../../errors/index.js';
import { parseStatementLineId } from '../../distribution/statement-line-id.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { findRunPool, readStatementLineEntries } from '../../store/distribution/statement-queries.js';
import { findAiPoolById } from '../../store/ai/revenue-queries.js';
import { listDeclarationRows } from '../../store/ai/declaration-queries.js';
import { classifyDeclaration } from './audit-declaration.js';

/** A declared training item behind an AI statement line. */
export interface TracedTrainingItem {
  readonly declaration_id: string;
  readonly entry_no: number;
  /** The manifest file and line, or the dataset file. */
  readonly origin: string;
  readonly isrc: string | null;
  readonly iswc: string | null;
  readonly recording_id: string | null;
  readonly method: string;
  readonly duration_used_ms: string | null;
}

/**
 * Lists the declared training items an AI statement line was paid for: the licensed entries of the licence's
 * declarations identified as the line's work, with where each was declared and how it was identified.
 */
export async function traceAiStatementLine(context: Pick<RegistryContext, 'store'>, lineId: string): Promise<TracedTrainingItem[]> {
  const ref = parseStatementLineId(lineId);
  if (!ref) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `${lineId} is not a statement line id (RUN:ACCOUNT:POOL:WORK:RIGHT, as in the statements' line_id)`, { value: lineId });
  const { db } = context.store;
  const aiPool = await findAiPoolById(db, ref.poolId);
  if (!aiPool) throw new ClefError('CLEF_NOT_FOUND', `${ref.poolId} is not an AI pool: trace usage lines with clef trace`, { value: lineId });
  const entries = await readStatementLineEntries(db, ref.runId, ref.accountId, ref.poolId, ref.workId, ref.right);
  if (!(await findRunPool(db, ref.runId, ref.poolId)) || entries.length === 0) throw new ClefError('CLEF_NOT_FOUND', `run ${ref.runId} has no statement line ${lineId}`, { value: lineId });
  const traced: TracedTrainingItem[] = [];
  for (const declaration of await listDeclarationRows(db, aiPool.licence_id)) {
    for (const e of (await classifyDeclaration(db, declaration.declaration_id)).entries) {
      if (e.verdict.category !== 'licensed' || e.workId !== ref.workId) continue;
      traced.push({
        declaration_id: declaration.declaration_id, entry_no: e.row.entry_no, origin: e.row.origin, isrc: e.row.isrc, iswc: e.row.iswc, recording_id: e.row.recording_id,
        method: e.row.method, duration_used_ms: e.row.duration_used_ms === null ? null : String(e.row.duration_used_ms),
      });
    }
  }
  return traced;
}
