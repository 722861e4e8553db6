import type { Kysely } from 'kysely';
import { defineIndex, defineTable } from './define-table.js';

/** AI training: reservations, licensees, licences, declarations with their entries, revenue reports and AI pools. */
export async function up(db: Kysely<any>): Promise<void> {
  await defineTable(db, 'ai_reservations', [
    ['reservation_id', 'text'], ['scope_kind', 'text'], ['scope_id', 'text', 'null'], ['use_code', 'text'], ['status', 'text'],
    ['constraint_info', 'text', 'null'], ['effective_from', 'text'], ['recorded_at', 'text'], ['actor', 'text'],
  ], ['reservation_id']);
  await defineTable(db, 'ai_licensees', [
    ['licensee_id', 'text'], ['legal_name', 'text'], ['country', 'text'], ['registration_number', 'text', 'null'], ['contact', 'text', 'null'],
    ['created_at', 'text'], ['actor', 'text'],
  ], ['licensee_id']);
  await defineTable(db, 'ai_licences', [
    ['licence_id', 'text'], ['licensee_id', 'text'], ['model_name', 'text'], ['model_version', 'text'], ['term_start', 'text'], ['term_end', 'text'],
    ['uses', 'text'], ['outputs', 'text', 'null'], ['output_territories', 'text'], ['scope', 'text'], ['fee_division', 'text'],
    ['training_fee_micros', 'bigint'], ['revenue_share_bp', 'bigint'], ['minimum_guarantee_micros', 'bigint'], ['output_rate_bp', 'bigint'],
    ['currency', 'text'], ['created_at', 'text'], ['actor', 'text'],
  ], ['licence_id']);
  await defineTable(db, 'ai_declarations', [
    ['declaration_id', 'text'], ['licence_id', 'text'], ['model_name', 'text'], ['model_version', 'text'], ['training_date', 'text'],
    ['manifest_file', 'text'], ['manifest_digest', 'text'], ['summary', 'text', 'null'], ['entries', 'bigint'], ['created_at', 'text'], ['actor', 'text'],
  ], ['declaration_id']);
  await defineTable(db, 'ai_declaration_entries', [
    ['declaration_id', 'text'], ['entry_no', 'integer'], ['source', 'text'], ['origin', 'text'], ['isrc', 'text', 'null'], ['iswc', 'text', 'null'],
    ['title', 'text', 'null'], ['artist', 'text', 'null'], ['file_digest', 'text', 'null'], ['duration_used_ms', 'bigint', 'null'],
    ['work_id', 'text', 'null'], ['recording_id', 'text', 'null'], ['method', 'text'], ['evidence', 'text'],
  ], ['declaration_id', 'entry_no']);
  await defineTable(db, 'ai_revenue_reports', [
    ['revenue_id', 'text'], ['licence_id', 'text'], ['period', 'text'], ['net_revenue_micros', 'bigint'], ['output_revenue_micros', 'bigint'],
    ['attribution', 'text', 'null'], ['attribution_file', 'text', 'null'], ['created_at', 'text'], ['actor', 'text'],
  ], ['revenue_id']);
  await defineIndex(db, 'ai_revenue_reports', ['licence_id', 'period']);
  await defineTable(db, 'ai_pools', [
    ['pool_id', 'text'], ['run_id', 'text'], ['licence_id', 'text'], ['period', 'text'], ['period_end', 'text'], ['source', 'text'],
  ], ['pool_id']);
}
