import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** The report file already ingested with this content digest, if any (replaced reports included: the same bytes are never a correction). */
export async function findReportFileByDigest(db: Kysely<ClefDatabase>, digest: string) {
  return db
    .selectFrom('usage_report_files as f')
    .innerJoin('usage_reports as r', 'r.report_id', 'f.report_id')
    .select(['f.report_id', 'f.file_number', 'f.file_name', 'r.message_id', 'r.status'])
    .where('f.digest', '=', digest)
    .executeTakeFirst();
}

/** The reports (latest first) with a message id, optionally from one sender. */
export async function findReportsByMessageId(db: Kysely<ClefDatabase>, messageId: string, senderDpid?: string) {
  let query = db.selectFrom('usage_reports').selectAll().where('message_id', '=', messageId);
  if (senderDpid) query = query.where('sender_dpid', '=', senderDpid);
  return query.orderBy('report_id', 'desc').execute();
}

/** A report by id. */
export async function findReport(db: Kysely<ClefDatabase>, reportId: bigint) {
  return db.selectFrom('usage_reports').selectAll().where('report_id', '=', reportId).executeTakeFirst();
}

/** The file numbers of a report already in. */
export async function reportFileNumbers(db: Kysely<ClefDatabase>, reportId: bigint): Promise<number[]> {
  const rows = await db.selectFrom('usage_report_files').select('file_number').where('report_id', '=', reportId).execute();
  return rows.map((row) => Number(row.file_number));
}

/** Inserts a new report row. */
export async function insertReport(db: Kysely<ClefDatabase>, row: ClefDatabase['usage_reports']): Promise<void> {
  await db.insertInto('usage_reports').values(row).execute();
}

/** Changes some columns of a report. */
export async function updateReport(db: Kysely<ClefDatabase>, reportId: bigint, changes: Partial<ClefDatabase['usage_reports']>): Promise<void> {
  await db.updateTable('usage_reports').set(changes).where('report_id', '=', reportId).execute();
}

/** Records one file of a report. */
export async function insertReportFile(db: Kysely<ClefDatabase>, row: ClefDatabase['usage_report_files']): Promise<void> {
  await db.insertInto('usage_report_files').values(row).execute();
}

/** Report ids whose usage period starts in a period prefix (`2025`, `2025-01`), optionally of one sender; replaced and staging reports left out. */
export async function findReportIds(db: Kysely<ClefDatabase>, filter: { period?: string; dpid?: string }): Promise<bigint[]> {
  let query = db.selectFrom('usage_reports').select('report_id').where('status', 'not in', ['replaced', 'staging']);
  if (filter.period) query = query.where('period_start', 'like', `${filter.period}%`);
  if (filter.dpid) query = query.where('sender_dpid', '=', filter.dpid);
  const rows = await query.orderBy('report_id').execute();
  return rows.map((row) => BigInt(row.report_id));
}
