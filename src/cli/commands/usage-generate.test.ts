import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../test/support/repo-paths.js';
import { tempDir } from '../../../test/support/temp-dir.js';

function clef(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: repoRoot });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('usage generate writes the fixed layout and prints only JSON with --json', () => {
  const out = tempDir();
  const run = clef('usage', 'generate', '--lines', '120', '--recordings', '40', '--out', out, '--seed', '9', '--json');
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assert.equal(result.reportLines, 120);
  for (const file of [result.membersFile, result.reportFile, result.truthFile, ...result.catalogueFiles]) assert.ok(existsSync(file), file);
  assert.deepEqual(readdirSync(out).sort(), ['catalogue', 'members.csv', 'reports', 'truth.csv']);
});

test('usage generate refuses fewer than 5 lines with a coded error and exit status 2', () => {
  const run = clef('usage', 'generate', '--lines', '3', '--recordings', '10', '--out', tempDir());
  assert.equal(run.status, 2);
  assert.match(run.stderr, /CLEF_USAGE_INVALID_ARGUMENT: .*--lines must be at least 5/);
});
