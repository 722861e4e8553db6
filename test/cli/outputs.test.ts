import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { basicAudioReport } from '../distribution/basic-audio-report.js';
import { dsp, januaryReport, preparedLocation } from '../distribution/distribution-setup.js';
import { describeEachEngine } from '../support/engines.js';
import { repoRoot } from '../support/repo-paths.js';
import { tempDir } from '../support/temp-dir.js';
import { runClef } from './run-clef.js';

const formula = '=HYPERLINK("http://evil.example/","x")';

describeEachEngine('outputs that cannot hurt', (_open, _engine, location) => {
  test('statement CSVs neutralize formula cells, and --out refuses a symbolic link planted in the folder', async () => {
    const db = await preparedLocation(location);
    const dir = tempDir();
    const { name, text } = basicAudioReport(januaryReport());
    const report = join(dir, name);
    writeFileSync(report, text.replace(`${dsp}-2025-01-1`, formula));
    assert.equal((await runClef(['usage', 'ingest', report, '--db', db])).status, 0);
    const run = await runClef(['distribute', '--period', '2025-01', '--db', db, '--json']);
    assert.equal(run.status, 0, run.stderr);
    const runId = JSON.parse(run.stdout).run_id as string;
    const out = join(dir, 'statements');
    const written = await runClef(['statements', '--run', runId, '--out', out, '--db', db, '--json']);
    assert.equal(written.status, 0, written.stderr);
    const csvs = (JSON.parse(written.stdout).files as string[]).filter((f) => f.endsWith('.csv'));
    assert.ok(csvs.length > 0);
    for (const csv of csvs) {
      const rows = readFileSync(join(out, csv), 'utf8').trim().split('\n').slice(1, -1);
      assert.ok(rows.length > 0);
      for (const row of rows) assert.ok(row.includes(`,"'=HYPERLINK(""http://evil.example/"",""x"")",`), row);
      assert.doesNotMatch(readFileSync(join(out, csv), 'utf8'), /(^|,)"?[=+@]/m, 'no cell starts a formula');
    }
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me\n');
    const planted = join(dir, 'planted');
    mkdirSync(planted);
    symlinkSync(victim, join(planted, csvs[0]));
    const refused = await runClef(['statements', '--run', runId, '--out', planted, '--db', db]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /CLEF_OUTPUT_SYMLINK: .* is a symbolic link/);
    assert.equal(readFileSync(victim, 'utf8'), 'keep me\n', 'the link target is untouched');
  });

  test('a works export that fails half-way leaves no file behind, not even a temporary one', async () => {
    const db = await location();
    const dir = tempDir();
    const [header, first, second] = readFileSync(join(repoRoot, 'data/demo/works.csv'), 'utf8').split('\n');
    const works = join(dir, 'works.csv');
    writeFileSync(works, [header, first, second.replace('Moonlight over Jade River,', '月光 over Jade River,')].join('\n') + '\n');
    assert.equal((await runClef(['settings', 'set', '--name', 'T', '--society', '119', '--currency', 'CNY', '--db', db])).status, 0);
    const imported = await runClef(['works', 'import', works, '--submitter', 'SO:119', '--db', db]);
    assert.equal(imported.status, 0, imported.stderr);
    const out = join(dir, 'out');
    mkdirSync(out);
    const exported = await runClef(['works', 'export', '--format', 'cwr22', '--out', join(out, 'CW260001119_000.V22'), '--db', db]);
    assert.equal(exported.status, 1);
    assert.match(exported.stderr, /CLEF_CWR_WRITE_INVALID: .*outside latin-1/);
    assert.doesNotMatch(exported.stderr, /unexpected failure|\n\s+at /);
    assert.deepEqual(readdirSync(out), []);
  });
});

test('a new embedded store is readable by its owner only (0600)', async () => {
  const db = join(tempDir(), 'stores', 'clef.duckdb');
  assert.equal((await runClef(['settings', 'set', '--name', 'Owner Only CMO', '--db', db])).status, 0);
  assert.equal(statSync(db).mode & 0o777, 0o600);
});

test('keys init tightens an existing key folder made world-writable (0777) to 0700', async () => {
  const keys = join(tempDir(), 'keys');
  mkdirSync(keys);
  chmodSync(keys, 0o777);
  const init = await runClef(['keys', 'init', '--name', 'Test CMO', '--keys', keys]);
  assert.equal(init.status, 0, init.stderr);
  assert.equal(statSync(keys).mode & 0o777, 0o700);
});
