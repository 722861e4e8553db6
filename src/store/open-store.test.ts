import assert from 'node:assert/strict';
import { describeEachEngine, test } from '../../test/support/engines.js';
import { inTransaction, nextIds } from './index.js';

describeEachEngine('the store', (open) => {
  test('migrates a fresh database and returns rows in normalized shapes', async () => {
    const store = await open();
    await store.db.insertInto('id_counters').values({ kind: 'probe', next_value: 9007199254740993n }).execute();
    const row = await store.db.selectFrom('id_counters').selectAll().where('kind', '=', 'probe').executeTakeFirstOrThrow();
    assert.equal(row.next_value, 9007199254740993n);
  });

  test('divides integers as integers on both engines', async () => {
    const store = await open();
    const { sql } = await import('kysely');
    const row = await sql<{ q: unknown }>`SELECT CAST(7 AS BIGINT) / CAST(2 AS BIGINT) AS q`.execute(store.db);
    assert.equal(row.rows[0].q, 3n);
  });

  test('reserves consecutive readable ids', async () => {
    const store = await open();
    assert.deepEqual(await nextIds(store.db, 'work', 'W', 2), ['W00000001', 'W00000002']);
    assert.deepEqual(await nextIds(store.db, 'work', 'W', 1), ['W00000003']);
  });

  test('rolls back everything a failed transaction wrote, bulk rows included', async () => {
    const store = await open();
    await assert.rejects(
      inTransaction(store.db, async (tx) => {
        await store.engine.bulkInsert(tx, 'clef_meta', [{ key: 'a', value: '1' }, { key: 'b', value: '2' }]);
        throw new Error('refused');
      }),
      /refused/,
    );
    const rows = await store.db.selectFrom('clef_meta').selectAll().execute();
    assert.equal(rows.length, 0);
  });

  test('bulk-inserts rows that read back the same', async () => {
    const store = await open();
    await inTransaction(store.db, (tx) =>
      store.engine.bulkInsert(tx, 'work_search_keys', [
        { search_key: 'abc', work_id: 'W1' },
        { search_key: 'bcd', work_id: 'W2' },
      ]),
    );
    const rows = await store.db.selectFrom('work_search_keys').selectAll().orderBy('search_key').execute();
    assert.deepEqual(rows, [{ search_key: 'abc', work_id: 'W1' }, { search_key: 'bcd', work_id: 'W2' }]);
  });
});
