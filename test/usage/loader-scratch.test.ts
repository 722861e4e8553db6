import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Store } from '../../src/store/index.js';
import { discardStaging, stagingLockName } from '../../src/usage/use-cases/discard-staging.js';
import { describeEachEngine, test } from '../support/engines.js';

async function exists(store: Store, table: string): Promise<boolean> {
  try {
    await sql.raw(`SELECT count(*) FROM ${table}`).execute(store.db);
    return true;
  } catch {
    return false;
  }
}

const context = (store: Store) => ({ store, actor: 'test', clock: () => '2026-12-03T12:00:00Z' });

// What a process killed while the loader read its file leaves: scratch tables and no staging report yet.
describeEachEngine('the loader scratch tables of a dead ingestion', (open, engine) => {
  test('are dropped by the next cleanup once no process holds their ingestion lock, and kept while one does', async () => {
    const store = await open();
    const tables = ['usage_load_424242', 'usage_load_424242_records'];
    for (const table of tables) await store.engine.createScratchTableAs(store.db, table, 'SELECT 1 AS line');
    await store.engine.createScratchTableAs(store.db, 'usage_loader_note', 'SELECT 1 AS line');

    await store.engine.holdLock(store.db, stagingLockName(424242n), async () => {
      assert.deepEqual(await discardStaging(context(store)), []);
      for (const table of tables) assert.equal(await exists(store, table), true, `${table} kept while its ingestion lives`);
    });
    assert.deepEqual(await discardStaging(context(store)), []);
    // PostgreSQL keeps unlogged tables after their process: those are the orphans. DuckDB's are temporary and die
    // with their process, so it never lists any, and this process's own are left alone.
    for (const table of tables) assert.equal(await exists(store, table), engine === 'duckdb', table);
    assert.deepEqual(await store.engine.lastingScratchTables(store.db, 'usage_load_'), []);
    assert.equal(await exists(store, 'usage_loader_note'), true, 'a table that only looks alike is not a loader scratch table');
  });
});
