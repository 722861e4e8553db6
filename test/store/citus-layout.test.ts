import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { stagedTables } from '../../src/store/registry/staged-import.js';
import { describeEachEngine, test } from '../support/engines.js';

// docs/store.md "Beyond one machine": how every table would be laid out on Citus. A distributed table's distribution
// column must be part of each of its primary and unique keys (Citus can only enforce a key within one shard).
// A new table must be placed here (and in the docs) before the test passes.
const distributed: Record<string, string> = {
  // the registry, by work where a table belongs to one work
  works: 'work_id', work_titles: 'work_id', work_society_numbers: 'work_id', work_collection_shares: 'work_id',
  work_disputes: 'work_id', work_search_keys: 'work_id',
  // found by ISWC (current or archived): one shard answers the lookup
  work_iswcs: 'iswc',
  // a registration and its rows (and its CWR records) co-located by registration
  registrations: 'registration_id', registration_parties: 'registration_id', registration_collections: 'registration_id',
  registration_links: 'registration_id', cwr_registrations: 'registration_id',
  parties: 'party_id', party_affiliations: 'party_id', party_ipi_names: 'ipi_name_number',
  recordings: 'recording_id', recording_works: 'recording_id',
  releases: 'release_id', release_tracks: 'release_id',
  history: 'history_id',
  // the search vocabulary, found by term and by typo form
  search_terms: 'term', search_term_variants: 'variant',
  // usage, by report: one report's lines, resources, matches and invoices on one shard group
  usage_reports: 'report_id', usage_report_files: 'report_id', usage_summaries: 'report_id', usage_resources: 'report_id',
  usage_works: 'report_id', usage_releases: 'report_id', usage_lines: 'report_id', usage_licensors: 'report_id',
  usage_matches: 'report_id', pool_invoices: 'report_id',
  // a report's one original run, kept beside the report it guards
  distributed_reports: 'report_id', usage_medley_parts: 'report_id',
  dsp_resource_matches: 'dsp_resource_id',
  // distribution, by run: its pools and ledger together
  distribution_runs: 'run_id', run_work_labels: 'run_id', run_party_labels: 'run_id', run_party_ipi_names: 'run_id', distribution_run_reports: 'run_id', distribution_pools: 'run_id', ledger_entries: 'run_id',
  reserve_claims: 'claim_id', counterclaims: 'counterclaim_id',
  // AI training: a declaration and its entries together; reservations, revenue reports and AI pools by their own ids
  ai_declarations: 'declaration_id', ai_declaration_entries: 'declaration_id',
  ai_reservations: 'reservation_id', ai_revenue_reports: 'revenue_id', ai_pools: 'pool_id',
  cwr_files: 'digest', cwr_file_transactions: 'digest', cwr_acks: 'ack_id',
};

// The twins a works import stages into (docs/registry.md) lie beside the tables they stand for, so that acceptance's
// INSERT … SELECT runs shard by shard; the intents on registry rows by the key of the rows they change.
for (const table of stagedTables) distributed[`staged_${table}`] = distributed[table];
Object.assign(distributed, { staged_revisions: 'registration_id', staged_closures: 'counterclaim_id', staged_pictures: 'work_id' });
// A batch's lookup keys, by key: the IPI and ISWC lookups join on their tables' distribution column.
distributed.lookup_keys = 'key';
/** Small tables every shard joins against: copied to each node. */
const reference: Record<string, string> = {
  clef_meta: 'a handful of store settings',
  registry_imports: 'one row while a works import is staged',
  id_counters: 'one row per id kind, read and bumped by every writer',
  cmo_settings: 'one row',
  sister_societies: 'tens of rows, joined by distribution',
  members: 'thousands of memberships, joined by works and distribution',
  dsps: 'tens of services',
  dsp_licences: 'a few rows per service',
  fx_rates: 'a few rows per currency and month',
  policy_versions: 'a few versions',
  ai_licensees: 'tens of AI developers',
  ai_licences: 'a few licences per licensee, joined by audits and AI runs',
  users: 'the portal and API users: staff, members, licensees, DSPs',
  api_tokens: 'a few tokens per user, read on every API call',
  web_sessions: 'the signed-in sessions, read on every page',
  kysely_migration: "the migrator's own bookkeeping (coordinator only)",
  kysely_migration_lock: "the migrator's own bookkeeping (coordinator only)",
};

describeEachEngine('the schema fits a distributed PostgreSQL (Citus)', (open) => {
  test('places every table, and each distributed table’s column is in every primary and unique key', async () => {
    const store = await open();
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema in ('main', 'public') and table_type = 'BASE TABLE'`.execute(store.db);
    const keys = await sql<{ table_name: string; constraint_name: string; column_name: string }>`
      select tc.table_name, tc.constraint_name, kcu.column_name
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu
        on kcu.constraint_name = tc.constraint_name and kcu.table_name = tc.table_name and kcu.table_schema = tc.table_schema
      where tc.constraint_type in ('PRIMARY KEY', 'UNIQUE') and tc.table_schema in ('main', 'public')`.execute(store.db);
    const names = tables.rows.map((row) => row.table_name).sort();
    assert.ok(names.includes('works') && names.includes('usage_lines'), 'the schema was read');
    const unplaced = names.filter((name) => !(name in distributed) && !(name in reference));
    assert.deepEqual(unplaced, [], 'place these tables in docs/store.md and test/store/citus-layout.test.ts');
    assert.deepEqual(Object.keys(distributed).filter((name) => name in reference), []);
    assert.deepEqual([...Object.keys(distributed), ...Object.keys(reference)].filter((name) => !names.includes(name)), [], 'tables placed that no longer exist');

    const columnsOf = new Map<string, Set<string>>();
    for (const row of keys.rows) {
      const id = `${row.table_name}.${row.constraint_name}`;
      columnsOf.set(id, (columnsOf.get(id) ?? new Set()).add(row.column_name));
    }
    assert.ok(columnsOf.size >= 30, `the keys were read (${columnsOf.size})`);
    const breaking = [...columnsOf]
      .filter(([id]) => id.split('.')[0] in distributed)
      .filter(([id, columns]) => !columns.has(distributed[id.split('.')[0]]))
      .map(([id, columns]) => `${id} (${[...columns].join(', ')}) lacks ${distributed[id.split('.')[0]]}`);
    assert.deepEqual(breaking, []);
  });
});
