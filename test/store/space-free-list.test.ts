import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachEngine, test } from '../support/engines.js';

describeEachEngine('a list of values bound as one parameter (Engine.spaceFreeList)', (open) => {
  test('matches exactly the rows whose value is in the list, whatever its length, Chinese and punctuation included', async () => {
    const store = await open();
    const rows = Array.from({ length: 3_000 }, (_, i) => ({ search_key: i % 3 === 0 ? `月亮${i}` : `k${i}'x`, work_id: `W${i}` }));
    await store.engine.bulkInsert(store.db, 'work_search_keys', rows);
    const wanted = rows.filter((_, i) => i % 2 === 0).map((row) => row.search_key);
    const found = await store.db.selectFrom('work_search_keys').select('work_id').where(sql<boolean>`search_key IN ${store.engine.spaceFreeList([...wanted, 'absent'])}`).execute();
    assert.deepEqual(found.map((row) => row.work_id).sort(), rows.filter((_, i) => i % 2 === 0).map((row) => row.work_id).sort());
    const one = await store.db.selectFrom('work_search_keys').select('work_id').where(sql<boolean>`search_key IN ${store.engine.spaceFreeList(['月亮3'])}`).execute();
    assert.deepEqual(one, [{ work_id: 'W3' }]);
  });
});
