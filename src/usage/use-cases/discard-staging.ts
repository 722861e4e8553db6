import { inTransaction } from '../../store/index.js';
import { findStagingReports, removeStagedReport } from '../../store/usage/staging-queries.js';
import { loaderScratchTables } from './stage-loaded-file.js';
import type { UsageContext } from './usage-context.js';

/** A staging report that was removed: what a process that stopped mid-file had left. */
export interface DiscardedStaging {
  readonly reportId: bigint;
  readonly messageId: string;
  readonly stagedLines: bigint;
}

/** The lock an ingesting process holds on its staging report for as long as it lives. */
export function stagingLockName(reportId: bigint): string {
  return `usage-staging:${reportId}`;
}

/** Drops the scratch tables the engine's loader made for a staging report (PostgreSQL keeps them after the process; DuckDB's die with it). */
export async function dropLoaderScratch(context: UsageContext, reportId: bigint): Promise<void> {
  await context.store.engine.dropScratchTables(context.store.db, loaderScratchTables(reportId));
}

/**
 * Removes every staging report whose ingesting process is gone (it died or was killed mid-file): its committed
 * chunks and then the report. A staging report whose process is still at work (its lock held) is left alone.
 */
export async function discardStaging(context: UsageContext): Promise<DiscardedStaging[]> {
  const { db, engine } = context.store;
  const discarded: DiscardedStaging[] = [];
  for (const report of await findStagingReports(db)) {
    const reportId = BigInt(report.report_id);
    const removed = await inTransaction(db, async (tx) => {
      if (!(await engine.tryTransactionLock(tx, stagingLockName(reportId)))) return false;
      await removeStagedReport(tx, reportId);
      return true;
    });
    if (removed) await dropLoaderScratch(context, reportId);
    if (removed) discarded.push({ reportId, messageId: report.message_id, stagedLines: BigInt(report.staged_lines ?? 0) });
  }
  await dropOrphanedLoaderScratch(context);
  return discarded;
}

/**
 * Drops the loader's scratch tables of processes that died before their staging report existed (the loader reads
 * and checks the file first): tables no staging report names, whose ingestion lock no one holds. The lock is taken
 * before the tables are made, so a living ingestion's tables are never taken for orphans.
 */
async function dropOrphanedLoaderScratch(context: UsageContext): Promise<void> {
  const { db, engine } = context.store;
  const tablesOf = new Map<bigint, string[]>();
  for (const table of await engine.lastingScratchTables(db, 'usage_load_')) {
    const id = /^usage_load_(\d+)/.exec(table)?.[1];
    if (id) tablesOf.set(BigInt(id), [...(tablesOf.get(BigInt(id)) ?? []), table]);
  }
  for (const [reportId, tables] of tablesOf) {
    const orphaned = await inTransaction(db, (tx) => engine.tryTransactionLock(tx, stagingLockName(reportId)));
    if (orphaned) await engine.dropScratchTables(db, tables);
  }
}
