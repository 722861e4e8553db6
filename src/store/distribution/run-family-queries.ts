import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** A run and the adjustment runs made of it, in creation order. */
export async function readRunFamily(db: Kysely<ClefDatabase>, rootRunId: string): Promise<ClefDatabase['distribution_runs'][]> {
  return db.selectFrom('distribution_runs').selectAll().where((eb) => eb.or([eb('run_id', '=', rootRunId), eb('adjusts', '=', rootRunId)])).orderBy('created_at').orderBy('run_id').execute();
}

/** The ledger entries of several runs, in run and booking order. */
export async function readLedgerOf(db: Kysely<ClefDatabase>, runIds: readonly string[]): Promise<ClefDatabase['ledger_entries'][]> {
  if (runIds.length === 0) return [];
  return db.selectFrom('ledger_entries').selectAll().where('run_id', 'in', runIds).orderBy('run_id').orderBy('entry_seq').execute();
}

/** The pools of several runs. */
export async function readPoolsOf(db: Kysely<ClefDatabase>, runIds: readonly string[]): Promise<ClefDatabase['distribution_pools'][]> {
  if (runIds.length === 0) return [];
  return db.selectFrom('distribution_pools').selectAll().where('run_id', 'in', runIds).orderBy('run_id').orderBy('pool_id').execute();
}

/** The ids of the reports several runs distributed, in id order. */
export async function readRunReportIds(db: Kysely<ClefDatabase>, runIds: readonly string[]): Promise<bigint[]> {
  if (runIds.length === 0) return [];
  const rows = await db.selectFrom('distribution_run_reports').select('report_id').distinct().where('run_id', 'in', runIds).orderBy('report_id').execute();
  return rows.map((r) => BigInt(r.report_id));
}

/** The original runs (distributions) whose family booked money of a work to the disputed reserve, in id order. */
export async function readRunsHoldingDisputed(db: Kysely<ClefDatabase>, workId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('ledger_entries as e')
    .innerJoin('distribution_runs as r', 'r.run_id', 'e.run_id')
    .select(['r.run_id', 'r.adjusts'])
    .distinct()
    .where('e.account_kind', '=', 'reserve')
    .where('e.account_id', '=', 'disputed')
    .where('e.work_id', '=', workId)
    .where('r.kind', 'in', ['distribution', 'adjustment'])
    .execute();
  return [...new Set(rows.map((r) => r.adjusts ?? r.run_id))].sort();
}
