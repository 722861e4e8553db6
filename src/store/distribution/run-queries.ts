import type { Kysely } from 'kysely';
import { ClefError } from '../../errors/index.js';
import type { Engine } from '../engine.js';
import type { ClefDatabase } from '../schema.js';
import { recordRunLabels } from './run-label-queries.js';

/** Writes a run with its reports, pools and ledger entries, the ledger through the engine's bulk path. */
export async function insertRun(
  db: Kysely<ClefDatabase>,
  engine: Engine,
  run: ClefDatabase['distribution_runs'],
  reports: ClefDatabase['distribution_run_reports'][],
  pools: ClefDatabase['distribution_pools'][],
  entries: ClefDatabase['ledger_entries'][],
): Promise<void> {
  await db.insertInto('distribution_runs').values(run).execute();
  if (reports.length > 0) await db.insertInto('distribution_run_reports').values(reports).execute();
  if (pools.length > 0) await engine.bulkInsert(db, 'distribution_pools', pools);
  if (entries.length > 0) await engine.bulkInsert(db, 'ledger_entries', entries);
  if (run.labels_recorded) await recordRunLabels(db, run.run_id);
}

/** Marks reports as distributed by a run. */
export async function markReportsDistributed(db: Kysely<ClefDatabase>, reportIds: readonly bigint[]): Promise<void> {
  if (reportIds.length > 0) await db.updateTable('usage_reports').set({ distributed: true }).where('report_id', 'in', reportIds).execute();
}

/**
 * Records each report's one original run. The primary key refuses a report already there, so a second run over
 * the same report fails whole even if the booking lock were bypassed.
 */
export async function insertDistributedReports(db: Kysely<ClefDatabase>, runId: string, reportIds: readonly bigint[]): Promise<void> {
  if (reportIds.length > 0) await db.insertInto('distributed_reports').values(reportIds.map((report_id) => ({ report_id, run_id: runId }))).execute();
}

/**
 * Records a policy version once. A version is immutable: a text under a stored version name whose digest differs
 * is refused, so no run can use other rules under a name another run recorded.
 */
export async function savePolicyVersion(db: Kysely<ClefDatabase>, row: ClefDatabase['policy_versions']): Promise<void> {
  if (!(await checkPolicyVersion(db, row.version, row.digest))) await db.insertInto('policy_versions').values(row).execute();
}

/** True when the version is stored with this digest, false when it is not stored; refuses one stored with another digest. */
export async function checkPolicyVersion(db: Kysely<ClefDatabase>, version: string, digest: string): Promise<boolean> {
  const existing = await findPolicyVersion(db, version);
  if (existing && existing.digest !== digest) {
    throw new ClefError(
      'CLEF_DISTRIBUTION_POLICY_CHANGED',
      `policy version ${JSON.stringify(version)} is stored with digest ${existing.digest}; this file's content (digest ${digest}) differs: give the changed policy a new version name`,
      { field: 'version', value: version },
    );
  }
  return existing !== undefined;
}

/** A stored policy version, or undefined. */
export async function findPolicyVersion(db: Kysely<ClefDatabase>, version: string): Promise<ClefDatabase['policy_versions'] | undefined> {
  return db.selectFrom('policy_versions').selectAll().where('version', '=', version).executeTakeFirst();
}

/** Every run in creation order. */
export async function listRunRows(db: Kysely<ClefDatabase>): Promise<ClefDatabase['distribution_runs'][]> {
  return db.selectFrom('distribution_runs').selectAll().orderBy('created_at').orderBy('run_id').execute();
}

/** One run, or undefined. */
export async function findRunRow(db: Kysely<ClefDatabase>, runId: string): Promise<ClefDatabase['distribution_runs'] | undefined> {
  return db.selectFrom('distribution_runs').selectAll().where('run_id', '=', runId).executeTakeFirst();
}

/** A run's ledger entries in booking order. */
export async function readRunLedger(db: Kysely<ClefDatabase>, runId: string): Promise<ClefDatabase['ledger_entries'][]> {
  return db.selectFrom('ledger_entries').selectAll().where('run_id', '=', runId).orderBy('entry_seq').execute();
}

/** A run's pools in id order. */
export async function readRunPools(db: Kysely<ClefDatabase>, runId: string): Promise<ClefDatabase['distribution_pools'][]> {
  return db.selectFrom('distribution_pools').selectAll().where('run_id', '=', runId).orderBy('pool_id').execute();
}
