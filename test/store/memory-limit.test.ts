import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { test } from 'node:test';
import { openStore, storeOptionsFrom } from '../../src/store/index.js';
import { runClef } from '../cli/run-clef.js';
import { tempDir } from '../support/temp-dir.js';

// DuckDB only: the limit is how an embedded store ingests a report of any size in the same memory (docs/store.md).
test('CLEF_DUCKDB_MEMORY_LIMIT sets DuckDB’s memory limit for the store', async () => {
  const store = await openStore(join(tempDir('memory-limit'), 'clef.duckdb'), storeOptionsFrom({ CLEF_DUCKDB_MEMORY_LIMIT: ' 700MB ' }));
  try {
    const { rows } = await sql<{ value: string }>`SELECT current_setting('memory_limit') AS value`.execute(store.db);
    assert.match(rows[0].value, /^(667\.\d+ MiB|700\.0 MB|7\d\d\.\d MiB)$/);
  } finally {
    await store.close();
  }
});

test('a memory limit without its unit is a coded error, exit status 2', async () => {
  const location = join(tempDir('memory-limit'), 'clef.duckdb');
  const run = await runClef(['settings', 'set', '--name', 'Test', '--db', location], { CLEF_DUCKDB_MEMORY_LIMIT: '700' });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /CLEF_STORE_INVALID_MEMORY_LIMIT: \(CLEF_DUCKDB_MEMORY_LIMIT\): "700" is not an amount with its unit/);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  const unlimited = await runClef(['settings', 'set', '--name', 'Test', '--db', location], { CLEF_DUCKDB_MEMORY_LIMIT: '1GB' });
  assert.equal(unlimited.status, 0, unlimited.stderr);
});

test('a database out of memory is a coded error, exit status 1, nothing visible, and the next ingestion goes through', async () => {
  const dir = tempDir('memory-limit');
  const generated = await runClef(['usage', 'generate', '--lines', '20000', '--recordings', '500', '--out', dir]);
  assert.equal(generated.status, 0, generated.stderr);
  const report = join(dir, 'reports', readdirSync(join(dir, 'reports'))[0]);
  const location = join(dir, 'clef.duckdb');
  const starved = await runClef(['usage', 'ingest', report, '--db', location], { CLEF_DUCKDB_MEMORY_LIMIT: '2MB' });
  assert.equal(starved.status, 1, starved.stderr);
  assert.match(starved.stderr, /^clef: CLEF_STORE_OUT_OF_MEMORY: the database ran out of memory \(.+\): raise CLEF_DUCKDB_MEMORY_LIMIT/);
  assert.doesNotMatch(starved.stderr, /\n\s+at /, 'no stack trace');
  const reports = await runClef(['usage', 'reports', '--db', location, '--json']);
  assert.deepEqual(JSON.parse(reports.stdout), [], 'no report is visible');
  const fed = await runClef(['usage', 'ingest', report, '--db', location]);
  assert.equal(fed.status, 0, fed.stderr);
  assert.match(fed.stdout, /staged report .* \(20000 lines/);
});
