import assert from 'node:assert/strict';
import { up } from '../../src/store/migrations/0010-search.js';
import { defineIndex, defineTable } from '../../src/store/migrations/define-table.js';
import { describeEachEngine, test } from '../support/engines.js';

// Migration 0010 run again over a store put back as 0001 left it: the trigram tables return, the search tables go.
describeEachEngine('migration 0010-search over a store that already holds works', (open) => {
  test('replaces the trigram tables and marks the stored works for indexing before the next search', async () => {
    const store = await open();
    const db = store.db;
    for (const table of ['work_search_keys', 'search_terms', 'search_term_variants']) await db.schema.dropTable(table).execute();
    await defineTable(db, 'work_trigrams', [['trigram', 'text'], ['work_id', 'text']]);
    await defineIndex(db, 'work_trigrams', ['trigram']);
    await defineTable(db, 'party_trigrams', [['trigram', 'text'], ['party_id', 'text']]);
    await db.insertInto('works').values({
      work_id: 'W00000001', iswc: null, title: 'Old Song', title_key: 'old song', creator_key: '', language: null, duration_s: null,
      version_type: null, original_work_id: null, original_title: null, ai_composition: 'human', ai_lyrics: 'human', ai_arrangement: 'human',
      ai_tools: '[]', human_contribution: null, ai_evidence: '[]', fully_ai_generated: false, in_dispute: false, extra: '{}',
      created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
    }).execute();
    await up(db);
    const marker = await db.selectFrom('clef_meta').select('value').where('key', '=', 'search_index').executeTakeFirst();
    assert.equal(marker?.value, 'rebuild');
    const tables = (await db.introspection.getTables()).map((table) => table.name);
    assert.ok(tables.includes('work_search_keys') && !tables.includes('work_trigrams') && !tables.includes('party_trigrams'), tables.join(' '));
  });

  test('marks nothing on a store without works', async () => {
    const store = await open();
    const db = store.db;
    assert.equal((await db.selectFrom('clef_meta').select('value').where('key', '=', 'search_index').execute()).length, 0);
  });
});
