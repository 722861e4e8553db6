import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fixturePath, repoRoot } from '../support/repo-paths.js';
import { tempDir } from '../support/temp-dir.js';

// The other CLI tests run the program in-process; these few start the compiled binary as `npm run build` makes it,
// to prove what ships: the compiled entry point, the data files beside it, real exit statuses and real streams.
// The build goes inside the repository (its git-ignored tmp/ folder) so the compiled code finds node_modules.
let binary = '';
let out = '';
before(() => {
  mkdirSync(join(repoRoot, 'tmp'), { recursive: true });
  out = mkdtempSync(join(repoRoot, 'tmp', 'built-'));
  execFileSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', join(repoRoot, 'tsconfig.json'), '--outDir', out, '--sourceMap', 'false'], { cwd: repoRoot });
  cpSync(join(repoRoot, 'data'), join(out, 'data'), { recursive: true });
  binary = join(out, 'src/cli/main.js');
});
after(() => rmSync(out, { recursive: true, force: true }));

function clefBinary(args: readonly string[], cwd = tempDir()) {
  const run = spawnSync(process.execPath, [binary, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CLEF_DB: '' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('the built clef prints its help and version and exits 0', () => {
  const help = clefBinary(['--help']);
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /Usage: clef/);
  assert.equal(clefBinary(['--version']).stdout.trim(), '0.1.0');
});

test('the built clef exits 2 on an unknown command and 1 on an invalid identifier', () => {
  const unknown = clefBinary(['no-such-command']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown command 'no-such-command'/);
  const invalid = clefBinary(['id', 'check', 'T-034.524.680-2']);
  assert.equal(invalid.status, 1);
  assert.match(invalid.stdout, /invalid/);
});

test('the built clef validates a CWR file and keeps settings in an embedded store of its own process', () => {
  const validated = clefBinary(['cwr', 'validate', fixturePath('cwr', 'CW220001DMP_000.V21')]);
  assert.equal(validated.status, 0, validated.stderr);
  assert.match(validated.stdout, /0 findings/);
  const dir = tempDir();
  assert.equal(clefBinary(['settings', 'set', '--society', '052', '--db', 'smoke.duckdb'], dir).status, 0);
  const shown = clefBinary(['settings', 'show', '--json', '--db', 'smoke.duckdb'], dir);
  assert.equal(shown.status, 0, shown.stderr);
  assert.equal(JSON.parse(shown.stdout).society_code, '052');
});
