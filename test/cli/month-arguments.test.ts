import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../support/temp-dir.js';
import { runClef } from './run-clef.js';

// One month check (src/calendar) behind every YYYY-MM a command takes: month 13 is refused the same way everywhere.
test('distribute --period 2025-13 is refused like fx set refuses the month: CLEF_USAGE_INVALID_ARGUMENT, exit 2', async () => {
  const db = join(tempDir(), 'clef.duckdb');
  const fx = await runClef(['fx', 'set', 'EUR', 'CNY', '2025-13', '7.8125', '--db', db]);
  const distribute = await runClef(['distribute', '--period', '2025-13', '--db', db]);
  for (const [name, result, field] of [['fx set', fx, 'PERIOD'], ['distribute', distribute, '--period']] as const) {
    assert.equal(result.status, 2, `${name}: ${result.stderr}`);
    assert.equal(result.stdout, '', name);
    assert.match(result.stderr, new RegExp(`^clef: CLEF_USAGE_INVALID_ARGUMENT: \\(${field}\\): ${field} must be YYYY-MM, not 2025-13`), name);
  }
});

test('a month that exists passes the check: distribute --period 2025-12 on an empty store has nothing to distribute', async () => {
  const db = join(tempDir(), 'clef.duckdb');
  const settings = await runClef(['settings', 'set', '--currency', 'CNY', '--db', db]);
  assert.equal(settings.status, 0, settings.stderr);
  const result = await runClef(['distribute', '--period', '2025-12', '--db', db]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /nothing to distribute for 2025-12/);
});
