import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { defineIndex, defineTable } from './define-table.js';

/** The twins' columns a works import looks its keys up by or reads a batch's registrations back by, and the intents' keys. */
const lookedUp: readonly (readonly [table: string, columns: readonly string[]])[] = [
  ['staged_party_ipi_names', ['ipi_name_number']],
  ['staged_parties', ['name_key']],
  ['staged_registrations', ['submitter_id', 'submitter_work_number']],
  ['staged_registrations', ['work_id']],
  ['staged_revisions', ['registration_id']],
  ['staged_work_iswcs', ['iswc']],
  ['staged_works', ['title_key']],
  ['staged_recordings', ['isrc']],
  ['staged_search_terms', ['term']],
  // read per registry row by the acceptance's correlated updates
  ['staged_pictures', ['work_id']],
  ['staged_closures', ['counterclaim_id']],
];

/**
 * Set-based resolution of a works import (issue 13 part 5, docs/registry.md): the table a batch writes its lookup
 * keys to before joining them against the registry, without keys (its rows never outlive the batch's transaction),
 * and, where the engine gains by them, indexes on the twins' lookup columns.
 */
export async function up(db: Kysely<any>, engine: Pick<Engine, 'indexesStagedLookups'>): Promise<void> {
  await defineTable(db, 'lookup_keys', [['kind', 'text'], ['key', 'text'], ['detail', 'text']]);
  if (!engine.indexesStagedLookups) return;
  for (const [table, columns] of lookedUp) await defineIndex(db, table, columns);
}
