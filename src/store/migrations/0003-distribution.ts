import type { Kysely } from 'kysely';
import { defineIndex, defineTable } from './define-table.js';

/** Distribution: licences, fx rates, invoiced pools, policy versions, immutable runs, pools, the ledger, claims. */
export async function up(db: Kysely<any>): Promise<void> {
  await defineTable(db, 'dsp_licences', [
    ['dpid', 'text'], ['commercial_model', 'text'], ['use_type', 'text'], ['rate', 'text'], ['rights', 'text'], ['territories', 'text'],
    ['per_subscriber_minimum_micros', 'bigint', 'null'], ['rights_controller', 'text', 'null'], ['updated_at', 'text'],
  ], ['dpid', 'commercial_model', 'use_type']);
  await defineTable(db, 'fx_rates', [['from_currency', 'text'], ['to_currency', 'text'], ['period', 'text'], ['rate', 'text']], ['from_currency', 'to_currency', 'period']);
  await defineTable(db, 'pool_invoices', [['report_id', 'bigint'], ['summary_record_id', 'text'], ['amount_micros', 'bigint'], ['entered_at', 'text']], ['report_id', 'summary_record_id']);
  await defineTable(db, 'policy_versions', [['version', 'text'], ['digest', 'text'], ['policy', 'text'], ['recorded_at', 'text']], ['version']);
  await defineTable(db, 'distribution_runs', [
    ['run_id', 'text'], ['kind', 'text'], ['period', 'text'], ['dsp', 'text', 'null'], ['adjusts', 'text', 'null'], ['policy_version', 'text'],
    ['currency', 'text'], ['inputs', 'text'], ['snapshot', 'text'], ['snapshot_digest', 'text'], ['money_in_micros', 'bigint'],
    ['commission_micros', 'bigint'], ['allocated_micros', 'bigint'], ['lines', 'bigint'], ['matched_lines', 'bigint'], ['usages', 'bigint'],
    ['matched_usages', 'bigint'], ['line_micros', 'bigint'], ['matched_micros', 'bigint'], ['created_at', 'text'], ['actor', 'text'],
  ], ['run_id']);
  await defineTable(db, 'distribution_run_reports', [['run_id', 'text'], ['report_id', 'bigint'], ['digest', 'text']], ['run_id', 'report_id']);
  await defineTable(db, 'distribution_pools', [
    ['run_id', 'text'], ['pool_id', 'text'], ['report_id', 'bigint'], ['summary_record_id', 'text'], ['dsp', 'text'],
    ['commercial_model', 'text', 'null'], ['use_type', 'text', 'null'], ['territory', 'text', 'null'], ['basis', 'text'], ['amount_micros', 'bigint'],
  ], ['run_id', 'pool_id']);
  await defineTable(db, 'ledger_entries', [
    ['run_id', 'text'], ['entry_seq', 'integer'], ['pool_id', 'text'], ['account_kind', 'text'], ['account_id', 'text'],
    ['party_id', 'text', 'null'], ['work_id', 'text', 'null'], ['recording_id', 'text', 'null'], ['right_code', 'text', 'null'],
    ['amount_micros', 'bigint'], ['usages', 'bigint'], ['currency', 'text'],
  ], ['run_id', 'entry_seq']);
  await defineIndex(db, 'ledger_entries', ['account_kind', 'account_id']);
  await defineTable(db, 'reserve_claims', [
    ['claim_id', 'text'], ['reserve', 'text'], ['party_id', 'text'], ['work_id', 'text', 'null'], ['recording_id', 'text', 'null'],
    ['evidence', 'text'], ['status', 'text'], ['created_at', 'text'], ['decided_at', 'text', 'null'], ['actor', 'text'],
  ], ['claim_id']);
}
