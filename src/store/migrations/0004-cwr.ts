import type { Kysely } from 'kysely';
import { defineIndex, defineTable } from './define-table.js';

/** CWR exchange: imported files by digest, per-transaction outcomes, CWR records kept for write-back, society acknowledgements. */
export async function up(db: Kysely<any>): Promise<void> {
  await defineTable(db, 'cwr_files', [
    ['digest', 'text'], ['file_name', 'text'], ['kind', 'text'], ['version', 'text'], ['imported_at', 'text'], ['actor', 'text'], ['summary', 'text'],
  ], ['digest']);
  await defineTable(db, 'cwr_file_transactions', [
    ['digest', 'text'], ['transaction_index', 'integer'], ['submitter_work_number', 'text', 'null'], ['status', 'text'], ['work_id', 'text', 'null'],
  ], ['digest', 'transaction_index']);
  await defineTable(db, 'cwr_registrations', [
    ['registration_id', 'text'], ['work_id', 'text'], ['version', 'text'], ['transaction_type', 'text'], ['records', 'text'],
  ], ['registration_id']);
  await defineIndex(db, 'cwr_registrations', ['work_id']);
  await defineTable(db, 'cwr_acks', [
    ['ack_id', 'text'], ['work_id', 'text'], ['society_code', 'text'], ['status', 'text'], ['society_work_number', 'text', 'null'],
    ['iswc', 'text', 'null'], ['processing_date', 'text', 'null'], ['file_name', 'text'], ['file_digest', 'text'], ['messages', 'text'], ['imported_at', 'text'],
  ], ['ack_id']);
  await defineIndex(db, 'cwr_acks', ['work_id']);
}
