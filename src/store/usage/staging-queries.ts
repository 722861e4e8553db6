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

/** Counts the lines a staging report's committed chunks hold. */
export async function setStagedLines(db: Kysely<ClefDatabase>, reportId: bigint, lines: number): Promise<void> {
  await db.updateTable('usage_reports').set({ staged_lines: BigInt(lines) }).where('report_id', '=', reportId).where('status', '=', 'staging').execute();
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
