import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';
import { markSearchIndexPending } from '../registry/search-index-queries.js';
import { defineIndex, defineTable } from './define-table.js';

/**
 * The search index (issue 13 part 6): per-work search keys instead of per-work title trigrams, a vocabulary of terms
 * with their counts, and the terms' one-deletion forms for typos. The trigram tables go. Works already stored are
 * indexed by the registry before its first search (the keys are the registry's rules, which the store does not know).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('work_trigrams').execute();
  await db.schema.dropTable('party_trigrams').execute();
  await defineTable(db, 'work_search_keys', [['search_key', 'text'], ['work_id', 'text']]);
  await defineIndex(db, 'work_search_keys', ['search_key']);
  await defineIndex(db, 'work_search_keys', ['work_id']);
  await defineTable(db, 'search_terms', [['term', 'text'], ['work_count', 'bigint']]);
  await defineIndex(db, 'search_terms', ['term']);
  await defineTable(db, 'search_term_variants', [['variant', 'text'], ['term', 'text']]);
  await defineIndex(db, 'search_term_variants', ['variant']);
  const stored = await db.selectFrom('works').select('work_id').limit(1).executeTakeFirst();
  if (stored) await markSearchIndexPending(db as Kysely<ClefDatabase>, true);
}
