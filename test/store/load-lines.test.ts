import assert from 'node:assert/strict';
import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';

describeEachEngine('the engine reading a text file into a scratch table (Engine.loadLines)', (open) => {
  test('keeps every line in file order, empty ones included, numbered from 1', async () => {
    const store = await open();
    const path = join(tempDir('load-lines'), 'lines.txt');
    writeFileSync(path, 'HEAD\ta\tb\n\nSU02\t1\t€ 3\nFOOT\t3\n');
    const count = await store.engine.loadLines(store.db, 'usage_load_900', { path, bytes: createReadStream(path) });
    assert.equal(count, 4);
    const { rows } = await sql<{ line: bigint; text: string }>`SELECT line, text FROM usage_load_900 ORDER BY line`.execute(store.db);
    assert.deepEqual(rows.map((r) => [Number(r.line), r.text]), [[1, 'HEAD\ta\tb'], [2, ''], [3, 'SU02\t1\t€ 3'], [4, 'FOOT\t3']]);
    await store.engine.dropScratchTables(store.db, ['usage_load_900']);
  });

  test('reads lines Node sends without a file, numbered from the first line given (a chunk of a file)', async () => {
    const store = await open();
    async function* chunk() {
      yield Buffer.from('AS01\t7\tR7\n\nSU');
      yield Buffer.from('02\t7\t€ 3\n');
    }
    const count = await store.engine.loadLines(store.db, 'usage_load_902', { bytes: chunk(), firstLine: 41 });
    assert.equal(count, 3);
    const { rows } = await sql<{ line: bigint; text: string }>`SELECT line, text FROM usage_load_902 ORDER BY line`.execute(store.db);
    assert.deepEqual(rows.map((r) => [Number(r.line), r.text]), [[41, 'AS01\t7\tR7'], [42, ''], [43, 'SU02\t7\t€ 3']]);
    await store.engine.dropScratchTables(store.db, ['usage_load_902']);
    await assert.rejects(store.engine.loadLines(store.db, 'usage_load_903', { bytes: (async function* () { yield Buffer.from([0x41, 0xc3, 0x28, 0x0a]); })() }), 'bytes that are not UTF-8 are refused');
    await store.engine.dropScratchTables(store.db, ['usage_load_903']);
  });

  // The bytes are also what the caller digests and inspects: when they fail, the load fails with their error, and the
  // store's connections are still good for the next statement (PostgreSQL: the COPY abandoned, not left waiting).
  test('rejects with the source’s own error when the bytes fail mid-file, and the store stays usable', async () => {
    const store = await open();
    const path = join(tempDir('load-lines'), 'lines.txt');
    writeFileSync(path, 'HEAD\ta\nFOOT\t1\n');
    async function* failing() {
      yield Buffer.from('HEAD\ta\n');
      throw new Error('the source broke at byte 7');
    }
    await assert.rejects(store.engine.loadLines(store.db, 'usage_load_901', { path, bytes: failing() }), /the source broke at byte 7/);
    await store.engine.dropScratchTables(store.db, ['usage_load_901']);
    for (let i = 0; i < 6; i++) {
      const { rows } = await sql<{ one: number }>`SELECT 1 AS one`.execute(store.db);
      assert.equal(Number(rows[0].one), 1);
    }
  });
});
