import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { runClef } from '../../../test/cli/run-clef.js';
import { tempDir } from '../../../test/support/temp-dir.js';

const clef = (...args: string[]) => runClef(args);

test('usage generate writes the fixed layout and prints only JSON with --json', async () => {
  const out = tempDir();
  const run = await clef('usage', 'generate', '--lines', '120', '--recordings', '40', '--out', out, '--seed', '9', '--json');
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assert.equal(result.reportLines, 120);
  for (const file of [result.membersFile, result.reportFile, result.truthFile, ...result.catalogueFiles]) assert.ok(existsSync(file), file);
  assert.deepEqual(readdirSync(out).sort(), ['catalogue', 'members.csv', 'reports', 'truth.csv']);
});

test('usage generate refuses fewer than 5 lines with a coded error and exit status 2', async () => {
  const run = await clef('usage', 'generate', '--lines', '3', '--recordings', '10', '--out', tempDir());
  assert.equal(run.status, 2);
  assert.match(run.stderr, /CLEF_USAGE_INVALID_ARGUMENT: .*--lines must be at least 5/);
});
