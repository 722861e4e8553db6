import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { runClef } from './run-clef.js';

// Issue 13 part 7: `clef --help` and light commands start without the store engines, the C2PA runtime or the audio
// decoders; commands load them when they run. This file imports nothing heavy itself, so what is loaded is the CLI's doing.
const heavy = /node_modules\/(?:@duckdb|pg|pg-[a-z]+|@contentauth|@audio|@echogarden|@peculiar)\//;
const loadedHeavy = () => Object.keys(createRequire(import.meta.url).cache).filter((path) => heavy.test(path));

test('clef --help and id check load no store engine, C2PA runtime or audio decoder; a store command does', async () => {
  const help = await runClef(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /works/);
  const check = await runClef(['id', 'check', 'T-034.524.680-1']);
  assert.equal(check.status, 0, check.stderr);
  assert.deepEqual(loadedHeavy(), []);
  const settings = await runClef(['settings', 'set', '--name', 'Start-up CMO', '--db', ':memory:']);
  assert.equal(settings.status, 0, settings.stderr);
  assert.ok(loadedHeavy().some((path) => path.includes('@duckdb')), 'the store command loaded DuckDB');
});
