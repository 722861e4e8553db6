import { sql, type Kysely } from 'kysely';
import { defineTable } from './define-table.js';

/** The tables an import writes, as this migration found them; a later migration that changes one changes its twin. */
const twins = [
  'parties', 'party_ipi_names', 'party_affiliations', 'works', 'work_iswcs', 'work_titles', 'registrations', 'registration_parties',
  'registration_collections', 'registration_links', 'work_collection_shares', 'work_disputes', 'counterclaims', 'recordings',
  'recording_works', 'releases', 'release_tracks', 'history', 'work_search_keys', 'search_terms', 'search_term_variants',
  'cwr_registrations', 'cwr_file_transactions', 'cwr_files',
];

/**
 * Registry import in committed chunks (issue 13 part 5, docs/registry.md): a twin `staged_<table>` of each table an
 * import writes, with the same columns in the same order and no keys (rows no reader sees until the file is accepted),
 * the intents on rows already in the registry (registrations revised, counterclaims closed, share pictures derived
 * anew) and the import being staged, with the id counters as it found them and as its last commit left them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of twins) await sql`CREATE TABLE ${sql.table(`staged_${table}`)} AS SELECT * FROM ${sql.table(table)} WHERE 1 = 0`.execute(db);
  await defineTable(db, 'staged_revisions', [['registration_id', 'text'], ['revised_by', 'text']]);
  await defineTable(db, 'staged_closures', [['counterclaim_id', 'text'], ['resolved_at', 'text'], ['resolution', 'text']]);
  await defineTable(db, 'staged_pictures', [['work_id', 'text'], ['in_dispute', 'boolean']]);
  await defineTable(
    db,
    'registry_imports',
    [['import_id', 'text'], ['file_name', 'text'], ['started_at', 'text'], ['counters_at_start', 'text'], ['counters_committed', 'text'], ['chunks', 'integer'], ['registrations', 'bigint']],
    ['import_id'],
  );
}
