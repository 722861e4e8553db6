import type { Kysely } from 'kysely';
import { defineIndex, defineTable } from './define-table.js';

/**
 * Usage: DSPs, DSR reports, their staged rows and the matches. The big row tables have no primary key (their
 * natural key is report, file, line) so the embedded engine appends them without index upkeep.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await defineTable(db, 'dsps', [['dpid', 'text'], ['name', 'text'], ['aliases', 'text'], ['created_at', 'text']], ['dpid']);
  await defineTable(db, 'usage_reports', [
    ['report_id', 'bigint'], ['message_id', 'text'], ['sender_dpid', 'text'], ['recipient_dpid', 'text', 'null'],
    ['recipient_name', 'text', 'null'], ['service_description', 'text', 'null'], ['period_start', 'text'], ['period_end', 'text'],
    ['territory', 'text', 'null'], ['currency', 'text', 'null'], ['profile', 'text'], ['profile_version', 'text'],
    ['message_version', 'text'], ['message_created', 'text'], ['number_of_files', 'integer'], ['files_received', 'integer'],
    ['status', 'text'], ['replaces', 'bigint', 'null'], ['replaced_by', 'bigint', 'null'], ['distributed', 'boolean'],
    ['needs_adjustment', 'boolean'], ['lines', 'bigint'], ['warnings', 'bigint'], ['ingested_at', 'text'],
  ], ['report_id']);
  await defineIndex(db, 'usage_reports', ['message_id']);
  await defineTable(db, 'usage_report_files', [
    ['report_id', 'bigint'], ['file_number', 'integer'], ['file_name', 'text'], ['digest', 'text'], ['bytes', 'bigint'],
    ['lines', 'bigint'], ['warning_count', 'bigint'], ['warnings', 'text'], ['ingested_at', 'text'],
  ], ['report_id', 'file_number']);
  await defineIndex(db, 'usage_report_files', ['digest']);
  await defineTable(db, 'usage_summaries', [
    ['report_id', 'bigint'], ['file_number', 'integer'], ['line', 'integer'], ['record_type', 'text'], ['summary_record_id', 'text'],
    ['commercial_model', 'text', 'null'], ['use_type', 'text', 'null'], ['territory', 'text', 'null'],
    ['service_description', 'text', 'null'], ['currency', 'text', 'null'], ['usages', 'bigint', 'null'], ['subscribers', 'text', 'null'],
    ['net_revenue', 'text', 'null'], ['rights_controller', 'text', 'null'], ['rights_controller_party_id', 'text', 'null'],
    ['rights_type', 'text', 'null'], ['rights_type_percentage', 'text', 'null'], ['cells', 'text'],
  ], ['report_id', 'file_number', 'line']);
  await defineTable(db, 'usage_resources', [
    ['report_id', 'bigint'], ['file_number', 'integer'], ['line', 'integer'], ['record_type', 'text'], ['block_id', 'text'],
    ['resource_reference', 'text'], ['dsp_resource_id', 'text'], ['isrc', 'text', 'null'], ['valid_isrc', 'text', 'null'],
    ['title', 'text'], ['sub_title', 'text', 'null'], ['display_artist', 'text'], ['duration', 'text', 'null'],
    ['resource_type', 'text', 'null'], ['iswc', 'text', 'null'], ['valid_iswc', 'text', 'null'], ['writers', 'text', 'null'],
    ['work_numbers', 'text', 'null'], ['title_key', 'text'], ['artist_key', 'text'], ['writer_keys', 'text', 'null'],
  ]);
  await defineTable(db, 'usage_works', [
    ['report_id', 'bigint'], ['file_number', 'integer'], ['line', 'integer'], ['record_type', 'text'], ['block_id', 'text'],
    ['dsp_work_id', 'text'], ['title', 'text'], ['iswc', 'text', 'null'], ['valid_iswc', 'text', 'null'], ['writers', 'text', 'null'],
    ['publishers', 'text', 'null'], ['proprietary_work_ids', 'text', 'null'],
  ]);
  await defineTable(db, 'usage_releases', [
    ['report_id', 'bigint'], ['file_number', 'integer'], ['line', 'integer'], ['record_type', 'text'], ['block_id', 'text'], ['cells', 'text'],
  ]);
  await defineTable(db, 'usage_lines', [
    ['report_id', 'bigint'], ['file_number', 'integer'], ['line', 'integer'], ['record_type', 'text'], ['block_id', 'text'],
    ['summary_record_id', 'text', 'null'], ['sales_transaction_id', 'text'], ['dsp_resource_id', 'text', 'null'],
    ['usages', 'bigint'], ['returns', 'bigint'], ['is_royalty_bearing', 'boolean', 'null'], ['net_revenue', 'text', 'null'],
    ['price_consumer_paid', 'text', 'null'],
  ]);
  await defineTable(db, 'usage_licensors', [
    ['report_id', 'bigint'], ['file_number', 'integer'], ['line', 'integer'], ['block_id', 'text'], ['summary_record_id', 'text', 'null'],
    ['sales_transaction_id', 'text', 'null'], ['rights_controller', 'text'], ['rights_controller_party_id', 'text', 'null'],
    ['rights_controller_work_id', 'text', 'null'], ['right_share_percentage', 'text', 'null'], ['rights_type', 'text', 'null'],
    ['allocated_net_revenue', 'text', 'null'], ['allocated_amount', 'text', 'null'], ['allocated_usages', 'text', 'null'], ['conflict', 'boolean'],
  ]);
  await defineTable(db, 'usage_matches', [
    ['report_id', 'bigint'], ['dsp_resource_id', 'text'], ['sender_dpid', 'text'], ['valid_isrc', 'text', 'null'], ['valid_iswc', 'text', 'null'],
    ['work_numbers', 'text', 'null'], ['title', 'text'], ['display_artist', 'text'], ['title_key', 'text'], ['artist_key', 'text'],
    ['writer_keys', 'text', 'null'], ['usages', 'bigint'], ['usage_lines', 'bigint'], ['status', 'text'], ['recording_id', 'text', 'null'],
    ['work_id', 'text', 'null'], ['method', 'text', 'null'], ['confidence', 'integer', 'null'], ['manual', 'boolean'],
  ]);
  // No primary key: a report remembers hundreds of thousands of resources at once, and the embedded engine keeps a
  // key's index in memory. One row per sender and resource id is kept by the writers (rememberMatches, saveManualMatch).
  await defineTable(db, 'dsp_resource_matches', [
    ['sender_dpid', 'text'], ['dsp_resource_id', 'text'], ['recording_id', 'text', 'null'], ['work_id', 'text', 'null'], ['method', 'text'],
    ['confidence', 'integer'], ['manual', 'boolean'], ['matched_at', 'text'], ['actor', 'text'],
  ]);
  // Candidate lookups of title-and-artist matching; the registry's migration indexes only the ISRC.
  await defineIndex(db, 'recordings', ['title_key']);
  await defineIndex(db, 'recordings', ['artist_key']);
}
