import { join } from 'node:path';
import { ClefError } from '../../errors/index.js';
import { csvCell, writeOutputFile } from '../../formats/output/index.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { findRunRow } from '../../store/distribution/run-queries.js';
import { readStatementEntries } from '../../store/distribution/statement-queries.js';
import { statementLineId } from '../statement-line-id.js';
import { runLabels } from './run-labels.js';

/** One line of a statement: a work, a right and a source (the pool's report and summary record). */
export interface StatementLine {
  readonly line_id: string;
  readonly work_id: string;
  readonly iswc: string | null;
  readonly title: string | null;
  readonly right: string;
  readonly source: { readonly dsp: string; readonly message_id: string; readonly summary_record_id: string; readonly commercial_model: string | null; readonly use_type: string | null; readonly territory: string | null };
  readonly usages: string;
  readonly amount_micros: string;
}

/** A member's or sister society's statement for one run. */
export interface Statement {
  readonly run: { readonly run_id: string; readonly kind: string; readonly period: string; readonly currency: string; readonly policy_version: string; readonly snapshot_digest: string };
  readonly payee: { readonly kind: 'member' | 'society'; readonly id: string; readonly name: string; readonly ipi_name_numbers: readonly string[] };
  readonly lines: readonly StatementLine[];
  readonly totals: { readonly usages: string; readonly amount_micros: string };
}

const csvHeader = ['line_id', 'work_id', 'iswc', 'title', 'right', 'dsp', 'message_id', 'summary_record_id', 'commercial_model', 'use_type', 'territory', 'usages', 'amount_micros'];

/** A statement as CSV: the run's identity in comment-free header columns, one row per line, then the totals row. */
export function statementCsv(statement: Statement): string {
  const rows = [csvHeader.join(',')];
  for (const l of statement.lines) {
    rows.push([l.line_id, l.work_id, l.iswc, l.title, l.right, l.source.dsp, l.source.message_id, l.source.summary_record_id, l.source.commercial_model, l.source.use_type, l.source.territory, l.usages, l.amount_micros].map(csvCell).join(','));
  }
  rows.push(['TOTAL', '', '', `${statement.payee.id} ${statement.payee.name} ${statement.run.run_id} ${statement.run.period} ${statement.run.currency}`, '', '', '', '', '', '', '', statement.totals.usages, statement.totals.amount_micros].map(csvCell).join(','));
  return rows.join('\n') + '\n';
}

/**
 * Builds every member's and sister society's statement of a run, in payee order, from the ledger and the labels
 * recorded with the run: the same run gives the same statements whatever the registry became since.
 */
export async function buildStatements(context: Pick<RegistryContext, 'store'>, runId: string): Promise<Statement[]> {
  const run = await findRunRow(context.store.db, runId);
  if (!run) throw new ClefError('CLEF_NOT_FOUND', `no run ${runId} (see clef runs list)`, { value: runId });
  const entries = await readStatementEntries(context.store.db, runId);
  const workIds = [...new Set(entries.flatMap((e) => (e.work_id ? [e.work_id] : [])))];
  const labels = await runLabels(context, run, workIds, [...new Set(entries.filter((e) => e.account_kind === 'party').map((e) => e.account_id))]);
  const statements = new Map<string, { statement: Omit<Statement, 'lines' | 'totals'>; lines: Map<string, StatementLine & { usagesN: bigint; amountN: bigint }> }>();
  for (const e of entries) {
    const key = `${e.account_kind}:${e.account_id}`;
    let s = statements.get(key);
    if (!s) {
      const label = e.account_kind === 'party' ? labels.parties.get(e.account_id) : undefined;
      const payee = { kind: e.account_kind === 'party' ? 'member' : 'society', id: e.account_id, name: label?.name ?? e.account_id, ipi_name_numbers: label?.ipis ?? [] } as const;
      const identity = { run_id: run.run_id, kind: run.kind, period: run.period, currency: run.currency, policy_version: run.policy_version, snapshot_digest: run.snapshot_digest };
      statements.set(key, (s = { statement: { run: identity, payee }, lines: new Map() }));
    }
    const lineId = statementLineId({ runId, accountId: e.account_id, poolId: e.pool_id, workId: e.work_id ?? '', right: e.right_code ?? '' });
    const line = s.lines.get(lineId);
    // A society's line sums its affiliates' shares of the same work, right and pool.
    if (line) {
      line.usagesN = line.usagesN > BigInt(e.usages) ? line.usagesN : BigInt(e.usages);
      line.amountN += BigInt(e.amount_micros);
      continue;
    }
    const work = e.work_id ? labels.works.get(e.work_id) : undefined;
    s.lines.set(lineId, {
      line_id: lineId, work_id: e.work_id ?? '', iswc: work?.iswc ?? null, title: work?.title ?? null, right: e.right_code ?? '',
      source: { dsp: e.dsp, message_id: e.message_id ?? e.pool_id, summary_record_id: e.summary_record_id, commercial_model: e.commercial_model, use_type: e.use_type, territory: e.territory },
      usages: '', amount_micros: '', usagesN: BigInt(e.usages), amountN: BigInt(e.amount_micros),
    });
  }
  return [...statements.values()].map(({ statement, lines }) => {
    const list = [...lines.values()].map(({ usagesN, amountN, ...l }) => ({ ...l, usages: String(usagesN), amount_micros: String(amountN) }));
    const totals = { usages: String(list.reduce((t, l) => t + BigInt(l.usages), 0n)), amount_micros: String(list.reduce((t, l) => t + BigInt(l.amount_micros), 0n)) };
    return { ...statement, lines: list, totals };
  });
}

/** Writes each statement of a run as `<member|society>-<id>.csv` and `.json` into a folder; returns the file names. */
export async function writeStatements(context: Pick<RegistryContext, 'store'>, runId: string, outDir: string): Promise<string[]> {
  const statements = await buildStatements(context, runId);
  const files: string[] = [];
  for (const statement of statements) {
    const base = `${runId}-${statement.payee.kind}-${statement.payee.id}`;
    writeOutputFile(join(outDir, `${base}.csv`), statementCsv(statement));
    writeOutputFile(join(outDir, `${base}.json`), JSON.stringify(statement, null, 2) + '\n');
    files.push(`${base}.csv`, `${base}.json`);
  }
  return files;
}
