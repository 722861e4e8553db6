import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** The tables a DSR file is staged into, chunk by chunk, under its report id. */
export const stagedTables = ['usage_summaries', 'usage_resources', 'usage_works', 'usage_releases', 'usage_lines', 'usage_licensors'] as const;

/** The reports still being staged (or left so by a process that died), oldest first. */
export async function findStagingReports(db: Kysely<ClefDatabase>) {
  return db
    .selectFrom('usage_reports')
    .select(['report_id', 'message_id', 'sender_dpid', 'staged_lines', 'ingested_at'])
    .where('status', '=', 'staging')
    .orderBy('report_id')
    .execute();
}

/** A staging report, as a resume reads it again under its lock. */
export async function findStagingReport(db: Kysely<ClefDatabase>, reportId: bigint) {
  return db.selectFrom('usage_reports').select(['report_id', 'resume_line']).where('report_id', '=', reportId).where('status', '=', 'staging').executeTakeFirst();
}

/** The staging reports of a file name (each may be one a live process is still staging), newest first. */
export async function findStagingReportsOfFile(db: Kysely<ClefDatabase>, file: string) {
  return db
    .selectFrom('usage_reports')
    .select(['report_id', 'message_id', 'staged_lines', 'staged_file_bytes', 'staged_file_mtime', 'staged_replaces', 'resume_line'])
    .where('status', '=', 'staging')
    .where('staged_file', '=', file)
    .orderBy('report_id', 'desc')
    .execute();
}

/**
 * Counts the lines a staging report's committed chunks hold and, with `resumeLine`, records that every staged row
 * of a line before it is committed.
 */
export async function setStagedLines(db: Kysely<ClefDatabase>, reportId: bigint, lines: number, resumeLine?: number): Promise<void> {
  await db
    .updateTable('usage_reports')
    .set(resumeLine === undefined ? { staged_lines: BigInt(lines) } : { staged_lines: BigInt(lines), resume_line: BigInt(resumeLine) })
    .where('report_id', '=', reportId)
    .where('status', '=', 'staging')
    .execute();
}

/**
 * Starts resuming a staging report: removes its staged rows of line `fromLine` on (what the block still open at its
 * last commit had written). False, touching nothing, when the report is no longer `staging` (another process
 * resumed it meanwhile, or removed it).
 */
export async function truncateStagedReport(db: Kysely<ClefDatabase>, reportId: bigint, fromLine: number): Promise<boolean> {
  const updated = await db
    .updateTable('usage_reports')
    .set({ staged_lines: BigInt(fromLine - 1) })
    .where('report_id', '=', reportId)
    .where('status', '=', 'staging')
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) return false;
  for (const table of stagedTables) await db.deleteFrom(table).where('report_id', '=', reportId).where('line', '>=', fromLine).execute();
  return true;
}

/** Removes a staging report's rows and then the report itself (last, so an interrupted removal is found again). */
export async function removeStagedReport(db: Kysely<ClefDatabase>, reportId: bigint): Promise<void> {
  for (const table of stagedTables) await db.deleteFrom(table).where('report_id', '=', reportId).execute();
  await db.deleteFrom('usage_reports').where('report_id', '=', reportId).where('status', '=', 'staging').execute();
}

/** Gives a staging report's rows to the report they complete (a later file of a multi-file report) and drops the staging report. */
export async function moveStagedRows(db: Kysely<ClefDatabase>, from: bigint, to: bigint): Promise<void> {
  for (const table of stagedTables) await db.updateTable(table).set({ report_id: to }).where('report_id', '=', from).execute();
  await db.deleteFrom('usage_reports').where('report_id', '=', from).where('status', '=', 'staging').execute();
}
