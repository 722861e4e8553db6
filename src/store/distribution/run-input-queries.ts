import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** Complete, undistributed reports whose usage period ends in the month `period` (`YYYY-MM`), optionally of one DSP. */
export async function readPeriodReports(db: Kysely<ClefDatabase>, period: string, dsp?: string): Promise<ClefDatabase['usage_reports'][]> {
  let query = db
    .selectFrom('usage_reports')
    .selectAll()
    .where('status', '=', 'complete')
    .where('distributed', '=', false)
    .where('period_end', '>=', `${period}-01`)
    .where('period_end', '<=', `${period}-31`);
  if (dsp !== undefined) query = query.where('sender_dpid', '=', dsp);
  return query.orderBy('report_id').execute();
}

/** The original runs that distributed reports whose usage period ends in the month `period`, optionally of one DSP. */
export async function readPeriodRuns(db: Kysely<ClefDatabase>, period: string, dsp?: string): Promise<string[]> {
  let query = db
    .selectFrom('distributed_reports as d')
    .innerJoin('usage_reports as r', 'r.report_id', 'd.report_id')
    .select('d.run_id')
    .distinct()
    .where('r.period_end', '>=', `${period}-01`)
    .where('r.period_end', '<=', `${period}-31`);
  if (dsp !== undefined) query = query.where('r.sender_dpid', '=', dsp);
  return (await query.orderBy('d.run_id').execute()).map((row) => row.run_id);
}

/** The content digests of a report's files, in file order. */
export async function readReportDigests(db: Kysely<ClefDatabase>, reportId: bigint): Promise<string[]> {
  const rows = await db.selectFrom('usage_report_files').select('digest').where('report_id', '=', reportId).orderBy('file_number').execute();
  return rows.map((row) => row.digest);
}

/** A report's summary records. */
export async function readSummaries(db: Kysely<ClefDatabase>, reportId: bigint): Promise<ClefDatabase['usage_summaries'][]> {
  return db.selectFrom('usage_summaries').selectAll().where('report_id', '=', reportId).orderBy('summary_record_id').execute();
}

/**
 * A report's usage lines (or one summary record's), ordered by content (SalesTransactionId, resource, usages,
 * returns) so lines that share a content key are met in the same order on every engine and whatever the report's
 * order. No join: on PostgreSQL a filtered join to fresh, unanalysed match rows was planned as a nested loop.
 */
export async function readUsageLines(db: Kysely<ClefDatabase>, reportId: bigint, summaryRecordId?: string) {
  let query = db
    .selectFrom('usage_lines')
    .select(['file_number', 'line', 'summary_record_id', 'sales_transaction_id', 'block_id', 'dsp_resource_id', 'usages', 'returns', 'is_royalty_bearing'])
    .where('report_id', '=', reportId);
  if (summaryRecordId !== undefined) query = query.where('summary_record_id', '=', summaryRecordId);
  return query.orderBy('sales_transaction_id').orderBy('dsp_resource_id').orderBy('usages').orderBy('returns').execute();
}

/** What a report's resources were matched to (recording, work), for the matched ones. */
export async function readReportMatches(db: Kysely<ClefDatabase>, reportId: bigint) {
  return db
    .selectFrom('usage_matches')
    .select(['dsp_resource_id', 'recording_id', 'work_id'])
    .where('report_id', '=', reportId)
    .where((eb) => eb.or([eb('recording_id', 'is not', null), eb('work_id', 'is not', null)]))
    .execute();
}

/** Invoiced amounts entered for a report's summary records. */
export async function readPoolInvoices(db: Kysely<ClefDatabase>, reportId: bigint): Promise<ClefDatabase['pool_invoices'][]> {
  return db.selectFrom('pool_invoices').selectAll().where('report_id', '=', reportId).execute();
}

/** The report that is current (not replaced) for a MessageId, or undefined. */
export async function findCurrentReport(db: Kysely<ClefDatabase>, messageId: string): Promise<ClefDatabase['usage_reports'] | undefined> {
  return db.selectFrom('usage_reports').selectAll().where('message_id', '=', messageId).where('status', '!=', 'replaced').orderBy('report_id', 'desc').executeTakeFirst();
}

/** Records the invoiced amount of one summary record, replacing an earlier one. */
export async function savePoolInvoice(db: Kysely<ClefDatabase>, row: ClefDatabase['pool_invoices']): Promise<void> {
  await db.deleteFrom('pool_invoices').where('report_id', '=', row.report_id).where('summary_record_id', '=', row.summary_record_id).execute();
  await db.insertInto('pool_invoices').values(row).execute();
}

/** The first run that distributed a report, or undefined. */
export async function findReportRun(db: Kysely<ClefDatabase>, reportId: bigint): Promise<string | undefined> {
  const row = await db.selectFrom('distribution_run_reports').select('run_id').where('report_id', '=', reportId).orderBy('run_id').executeTakeFirst();
  return row?.run_id;
}

/** A report by id, or undefined. */
export async function findReportById(db: Kysely<ClefDatabase>, reportId: bigint): Promise<ClefDatabase['usage_reports'] | undefined> {
  return db.selectFrom('usage_reports').selectAll().where('report_id', '=', reportId).executeTakeFirst();
}

/** A UGC report's LI01 lines with the usage line they follow (same file, block and SalesTransactionId) and its resource's match. */
export async function readLicensorLines(db: Kysely<ClefDatabase>, reportId: bigint) {
  return db
    .selectFrom('usage_licensors as li')
    .leftJoin('usage_lines as l', (join) =>
      join.onRef('l.report_id', '=', 'li.report_id').onRef('l.file_number', '=', 'li.file_number').onRef('l.block_id', '=', 'li.block_id').onRef('l.sales_transaction_id', '=', 'li.sales_transaction_id'),
    )
    .leftJoin('usage_matches as m', (join) => join.onRef('m.report_id', '=', 'l.report_id').onRef('m.dsp_resource_id', '=', 'l.dsp_resource_id'))
    .select([
      'li.file_number', 'li.line', 'li.summary_record_id', 'li.sales_transaction_id', 'li.rights_controller', 'li.rights_controller_party_id', 'li.rights_type',
      'li.allocated_amount', 'li.conflict', 'l.line as usage_line', 'l.dsp_resource_id', 'l.usages', 'l.returns', 'm.recording_id', 'm.work_id',
    ])
    .where('li.report_id', '=', reportId)
    .orderBy('li.file_number').orderBy('li.line')
    .execute();
}
