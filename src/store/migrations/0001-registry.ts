import type { Kysely } from 'kysely';
import { defineIndex, defineTable } from './define-table.js';

/** The foundation: settings, parties, members, works, registrations, recordings, releases, history, search keys. */
export async function up(db: Kysely<any>): Promise<void> {
  await defineTable(db, 'clef_meta', [['key', 'text'], ['value', 'text']], ['key']);
  await defineTable(db, 'id_counters', [['kind', 'text'], ['next_value', 'bigint']], ['kind']);
  await defineTable(db, 'history', [
    ['history_id', 'bigint'], ['at', 'text'], ['actor', 'text'], ['entity_kind', 'text'],
    ['entity_id', 'text'], ['action', 'text'], ['detail', 'text'],
  ], ['history_id']);
  await defineIndex(db, 'history', ['entity_id']);

  await defineTable(db, 'cmo_settings', [
    ['settings_id', 'integer'], ['name', 'text', 'null'], ['society_code', 'text', 'null'], ['currency', 'text', 'null'],
  ], ['settings_id']);
  await defineTable(db, 'sister_societies', [['society_code', 'text'], ['rights', 'text'], ['territories', 'text']], ['society_code']);

  await defineTable(db, 'parties', [
    ['party_id', 'text'], ['kind', 'text'], ['name', 'text'], ['first_name', 'text', 'null'], ['name_key', 'text'],
    ['ipi_base_number', 'text', 'null'], ['isni', 'text', 'null'], ['created_at', 'text'],
  ], ['party_id']);
  await defineTable(db, 'party_ipi_names', [['ipi_name_number', 'text'], ['party_id', 'text']], ['ipi_name_number']);
  await defineTable(db, 'party_affiliations', [
    ['party_id', 'text'], ['right_code', 'text'], ['society_code', 'text'], ['registration_id', 'text'],
  ]);
  await defineIndex(db, 'party_affiliations', ['party_id']);
  await defineTable(db, 'party_trigrams', [['trigram', 'text'], ['party_id', 'text']]);
  await defineIndex(db, 'party_trigrams', ['trigram']);
  await defineTable(db, 'members', [
    ['member_id', 'text'], ['party_id', 'text'], ['rights', 'text'], ['territories', 'text'],
    ['start_date', 'text'], ['end_date', 'text', 'null'], ['created_at', 'text'],
  ], ['member_id']);
  await defineIndex(db, 'members', ['party_id']);

  await defineTable(db, 'works', [
    ['work_id', 'text'], ['iswc', 'text', 'null'], ['title', 'text'], ['title_key', 'text'], ['creator_key', 'text'],
    ['language', 'text', 'null'], ['duration_s', 'integer', 'null'], ['version_type', 'text', 'null'],
    ['original_work_id', 'text', 'null'], ['original_title', 'text', 'null'],
    ['ai_composition', 'text'], ['ai_lyrics', 'text'], ['ai_arrangement', 'text'], ['ai_tools', 'text'],
    ['human_contribution', 'text', 'null'], ['ai_evidence', 'text'], ['fully_ai_generated', 'boolean'],
    ['in_dispute', 'boolean'], ['extra', 'text'], ['created_at', 'text'], ['updated_at', 'text'],
  ], ['work_id']);
  await defineIndex(db, 'works', ['title_key']);
  await defineTable(db, 'work_iswcs', [['iswc', 'text'], ['work_id', 'text'], ['preferred', 'boolean']], ['iswc']);
  await defineTable(db, 'work_titles', [
    ['work_id', 'text'], ['title', 'text'], ['title_type', 'text'], ['title_key', 'text'], ['language', 'text', 'null'],
  ]);
  await defineIndex(db, 'work_titles', ['work_id']);
  await defineTable(db, 'work_trigrams', [['trigram', 'text'], ['work_id', 'text']]);
  await defineIndex(db, 'work_trigrams', ['trigram']);
  await defineTable(db, 'work_society_numbers', [
    ['work_id', 'text'], ['society_code', 'text'], ['work_number', 'text'], ['status', 'text', 'null'], ['status_date', 'text', 'null'],
  ], ['work_id', 'society_code']);
  await defineIndex(db, 'work_society_numbers', ['work_number']);

  await defineTable(db, 'registrations', [
    ['registration_id', 'text'], ['work_id', 'text'], ['submitter_kind', 'text'], ['submitter_id', 'text'],
    ['submitter_work_number', 'text'], ['source', 'text'], ['source_ref', 'text', 'null'], ['status', 'text'],
    ['revised_by', 'text', 'null'], ['extra', 'text'], ['created_at', 'text'], ['actor', 'text'],
  ], ['registration_id']);
  await defineIndex(db, 'registrations', ['work_id']);
  await defineIndex(db, 'registrations', ['submitter_id', 'submitter_work_number']);
  await defineTable(db, 'registration_parties', [
    ['registration_id', 'text'], ['party_seq', 'integer'], ['party_id', 'text'], ['party_kind', 'text'], ['role', 'text'],
    ['controlled', 'boolean'], ['ipi_name_number', 'text', 'null'], ['name', 'text'],
    ['pr_society', 'text', 'null'], ['mr_society', 'text', 'null'], ['sr_society', 'text', 'null'],
    ['pr_ownership_bp', 'integer'], ['mr_ownership_bp', 'integer'], ['sr_ownership_bp', 'integer'], ['extra', 'text'],
  ], ['registration_id', 'party_seq']);
  await defineIndex(db, 'registration_parties', ['party_id']);
  await defineTable(db, 'registration_collections', [
    ['registration_id', 'text'], ['party_seq', 'integer'], ['claim_seq', 'integer'], ['territories', 'text'],
    ['pr_collection_bp', 'integer'], ['mr_collection_bp', 'integer'], ['sr_collection_bp', 'integer'],
  ], ['registration_id', 'party_seq', 'claim_seq']);
  await defineTable(db, 'registration_links', [
    ['registration_id', 'text'], ['writer_seq', 'integer'], ['publisher_seq', 'integer'],
    ['society_agreement_number', 'text', 'null'], ['submitter_agreement_number', 'text', 'null'],
  ]);
  await defineIndex(db, 'registration_links', ['registration_id']);
  await defineTable(db, 'work_collection_shares', [
    ['work_id', 'text'], ['right_code', 'text'], ['territory', 'text'], ['party_id', 'text'],
    ['registration_id', 'text'], ['collection_bp', 'integer'],
  ]);
  await defineIndex(db, 'work_collection_shares', ['work_id']);
  await defineTable(db, 'work_disputes', [
    ['work_id', 'text'], ['right_code', 'text'], ['territory', 'text'], ['claimed_bp', 'integer'],
  ]);
  await defineIndex(db, 'work_disputes', ['work_id']);

  await defineTable(db, 'recordings', [
    ['recording_id', 'text'], ['isrc', 'text', 'null'], ['title', 'text'], ['version_title', 'text', 'null'],
    ['display_artist', 'text', 'null'], ['duration_s', 'integer', 'null'], ['label', 'text', 'null'],
    ['title_key', 'text'], ['artist_key', 'text'], ['ai_vocals', 'text'], ['ai_instrumentation', 'text'],
    ['ai_production', 'text'], ['ai_tools', 'text'], ['human_contribution', 'text', 'null'], ['ai_evidence', 'text'],
    ['extra', 'text'], ['created_at', 'text'],
  ], ['recording_id']);
  await defineIndex(db, 'recordings', ['isrc']);
  await defineTable(db, 'recording_works', [['recording_id', 'text'], ['work_id', 'text']], ['recording_id', 'work_id']);
  await defineIndex(db, 'recording_works', ['work_id']);
  await defineTable(db, 'releases', [
    ['release_id', 'text'], ['icpn', 'text', 'null'], ['title', 'text'], ['label', 'text', 'null'], ['release_date', 'text', 'null'],
  ], ['release_id']);
  await defineTable(db, 'release_tracks', [['release_id', 'text'], ['track_number', 'integer'], ['recording_id', 'text']], ['release_id', 'track_number']);
}
