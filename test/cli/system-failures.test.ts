import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '../support/repo-paths.js';
import { tempDir } from '../support/temp-dir.js';
import { runClef, type ClefRun } from './run-clef.js';

function assertRefused(run: ClefRun, code: string, status: number): void {
  assert.equal(run.status, status, `${run.stdout}\n${run.stderr}`);
  assert.match(run.stderr, new RegExp(`^clef: ${code}: `, 'm'));
  assert.doesNotMatch(run.stderr, /\n\s+at /);
}

const postgresUrl = process.env.CLEF_TEST_POSTGRES_URL;
// As describeEachEngine does: without a server the PostgreSQL cases are skipped locally and fail in CI.
const withoutPostgres = !postgresUrl && process.env.CI !== 'true' ? 'CLEF_TEST_POSTGRES_URL is not set' : false;

describe('failures of the system around the program', () => {
  test('read-only commands on a path with no store say so and create neither the store nor its folder', async () => {
    const dir = tempDir();
    const db = join(dir, 'not-yet', 'clef.duckdb');
    const readers = [
      ['works', 'search', 'x'], ['works', 'show', 'W00000001'], ['works', 'disputes'], ['runs', 'list'], ['runs', 'show', 'RUN00000001'],
      ['settings', 'show'], ['members', 'list'], ['members', 'show', 'M00000001'], ['usage', 'reports'], ['usage', 'unmatched'], ['balances'],
      ['history', 'W00000001'], ['dsps', 'list'], ['dsps', 'licence', 'list'], ['reserves', 'list'], ['reserves', 'claims'], ['trace', 'X'],
      ['statements', '--run', 'RUN00000001', '--out', join(dir, 'statements')], ['works', 'export', '--format', 'cwr22', '--out', join(dir, 'out')],
    ];
    for (const args of readers) {
      const run = await runClef([...args, '--db', db]);
      assertRefused(run, 'CLEF_STORE_MISSING', 1);
      assert.match(run.stderr, /no Clef store at .*not-yet\/clef\.duckdb: name one with --db \(or CLEF_DB\).*clef settings set/, args.join(' '));
    }
    const viaEnvironment = await runClef(['works', 'search', 'x'], { CLEF_DB: db });
    assertRefused(viaEnvironment, 'CLEF_STORE_MISSING', 1);
    assert.equal(existsSync(join(dir, 'not-yet')), false, 'no folder was created');
    assert.equal((await runClef(['settings', 'set', '--name', 'Made', '--db', db])).status, 0, 'a command that writes creates the store');
    assert.match((await runClef(['settings', 'show', '--db', db])).stdout, /Made/);
  });

  test('a store or output folder that cannot be created is CLEF_OUTPUT_UNWRITABLE naming the path', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), '');
    const store = await runClef(['settings', 'set', '--name', 'X', '--db', join(dir, 'a-file', 'sub', 'clef.duckdb')]);
    assertRefused(store, 'CLEF_OUTPUT_UNWRITABLE', 1);
    assert.match(store.stderr, /a-file\/sub\/clef\.duckdb/);
    const generated = await runClef(['usage', 'generate', '--lines', '5', '--recordings', '1', '--out', join(dir, 'a-file', 'out')]);
    assertRefused(generated, 'CLEF_OUTPUT_UNWRITABLE', 1);
    assert.match(generated.stderr, /cannot write .*a-file\/out\/catalogue: a part of the path is a file, not a folder/);
  });

  test('a full disk is CLEF_DISK_FULL', { skip: existsSync('/dev/full') ? false : 'no /dev/full on this system' }, async () => {
    const db = join(tempDir(), 'clef.duckdb');
    assert.equal((await runClef(['settings', 'set', '--name', 'X', '--society', '052', '--currency', 'EUR', '--db', db])).status, 0);
    // /dev/full answers every write with ENOSPC, as a full disk does.
    assertRefused(await runClef(['works', 'export', '--format', 'cwr22', '--out', '/dev/full', '--db', db]), 'CLEF_DISK_FULL', 1);
  });

  test('a DuckDB file held by another process is CLEF_STORE_LOCKED naming its PID and suggesting PostgreSQL', async () => {
    const db = join(tempDir(), 'held.duckdb');
    assert.equal((await runClef(['settings', 'set', '--name', 'X', '--db', db])).status, 0);
    const script = `import('@duckdb/node-api').then(async ({ DuckDBInstance }) => { const i = await DuckDBInstance.create(${JSON.stringify(db)}); await i.connect(); console.log('ready'); setInterval(() => {}, 1000); });`;
    const holder = spawn(process.execPath, ['-e', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
        holder.on('exit', () => reject(new Error('the holder ended before it held the file')));
      });
      const run = await runClef(['works', 'search', 'x', '--db', db]);
      assertRefused(run, 'CLEF_STORE_LOCKED', 1);
      assert.match(run.stderr, new RegExp(`held\\.duckdb is in use by process ${holder.pid} .*use PostgreSQL`));
    } finally {
      holder.kill();
    }
  });

  test('an unreachable PostgreSQL server is CLEF_STORE_UNREACHABLE', async () => {
    const run = await runClef(['works', 'search', 'x', '--db', 'postgres://clef:secret@127.0.0.1:1/clef']);
    assertRefused(run, 'CLEF_STORE_UNREACHABLE', 1);
    assert.match(run.stderr, /refuses connections/);
    assert.doesNotMatch(run.stderr, /secret/, 'the password is not printed');
  });

  test('a PostgreSQL server refusing the login or missing the database is CLEF_STORE_UNREACHABLE', { skip: withoutPostgres }, async () => {
    const url = new URL(postgresUrl!);
    const missing = new URL(url);
    missing.pathname = '/clef_no_such_database';
    const noDatabase = await runClef(['settings', 'set', '--name', 'X', '--db', missing.href]);
    assertRefused(noDatabase, 'CLEF_STORE_UNREACHABLE', 1);
    assert.match(noDatabase.stderr, /clef_no_such_database" does not exist: create it/);
    const stranger = new URL(url);
    stranger.username = 'clef_no_such_role';
    const refused = await runClef(['settings', 'set', '--name', 'X', '--db', stranger.href]);
    assertRefused(refused, 'CLEF_STORE_UNREACHABLE', 1);
    assert.match(refused.stderr, /refuses the login/);
  });

  test('output into a closed pipe ends quietly with status 0 (clef … | head)', () => {
    // A process is the point here: the reader of its standard output goes away while it writes.
    const values = Array.from({ length: 4000 }, () => 'T-345.246.800-3').join(' ');
    const result = spawnSync('bash', ['-c', `node --import tsx src/cli/main.ts id check ${values} | head -n 1; echo "status \${PIPESTATUS[0]}" >&2`], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(result.stdout, 'T-345.246.800-3\tiswc\tT3452468003\tvalid\n');
    assert.equal(result.stderr, 'status 0\n');
  });
});
