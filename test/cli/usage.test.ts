import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixturePath } from '../support/repo-paths.js';
import { tempDir } from '../support/temp-dir.js';
import { runClef } from './run-clef.js';

const fixture = (name: string) => fixturePath('dsr', name);
const youTube = fixture('DSR_TEST_YouTube_AdSupport-music_2015-Q4_IS_1of1_20160121T150926.tsv');
const youTubeBadFoot = fixture('DSR_TEST2_YouTube_AdSupport-music_2015-Q4_IS_1of1_20160121T150926.tsv');
const youTubeDpid = 'PADPIDA2013020802I';

interface Outcome {
  file: string;
  outcome: string;
  messageId: string | null;
  errors: { code: string; location: { line?: number } }[];
  warnings: { code: string }[];
  duplicateOf?: string;
}

test('usage ingest exits 0 when every file was staged, warnings or not, and 1 when one was refused or a duplicate', async () => {
  const db = join(tempDir(), 'usage.duckdb');

  const refused = await runClef(['usage', 'ingest', youTubeBadFoot, '--db', db]);
  assert.equal(refused.status, 1);
  assert.match(refused.stdout, /DSR_TEST2_YouTube.*: refused, 2 errors; nothing staged/);
  assert.match(refused.stderr, /error CLEF_DSR_FOOT_COUNT_MISMATCH DSR_TEST2_YouTube\S*\.tsv:34:2 \(FOOT NumberOfLinesInFile\): FOOT counts 35 lines/);

  const staged = await runClef(['usage', 'ingest', youTube, '--db', db, '--json']);
  assert.equal(staged.status, 0, staged.stderr);
  const [outcome] = JSON.parse(staged.stdout) as Outcome[];
  assert.equal(outcome.outcome, 'staged');
  assert.equal(outcome.messageId, '1453417766009915');
  assert.deepEqual([...new Set(outcome.warnings.map((w) => w.code))], ['CLEF_DSR_RECORD_VERSION_MISMATCH']);

  const again = await runClef(['usage', 'ingest', youTube, '--db', db]);
  assert.equal(again.status, 1);
  assert.match(again.stdout, /duplicate of report 1453417766009915 file 1 of 1; not staged/);

  const parserTests = readdirSync(fixturePath('dsr')).filter((name) => name.startsWith('DSR_PADPIDA') || name.startsWith('test_file_parser'));
  const mixed = await runClef(['usage', 'ingest', ...parserTests.map(fixture), '--db', db, '--json']);
  assert.equal(mixed.status, 1);
  const outcomes = JSON.parse(mixed.stdout) as Outcome[];
  assert.equal(outcomes.length, parserTests.length);
  for (const each of outcomes) {
    assert.equal(each.outcome, 'refused', each.file);
    assert.ok(each.errors.every((error) => typeof error.location.line === 'number'), `${each.file}: every error is located`);
  }

  const reports = await runClef(['usage', 'reports', '--db', db, '--json']);
  assert.equal(reports.status, 0, reports.stderr);
  assert.deepEqual((JSON.parse(reports.stdout) as { message_id: string }[]).map((r) => r.message_id), ['1453417766009915'], 'only the staged report is in');
});

test('usage reports, unmatched and match, and dsps add and list, work through the real program', async () => {
  const dir = tempDir();
  const db = join(dir, 'usage.duckdb');
  const generated = join(dir, 'generated');
  assert.equal((await runClef(['usage', 'generate', '--lines', '80', '--recordings', '12', '--seed', '3', '--out', generated])).status, 0);
  assert.equal((await runClef(['settings', 'set', '--society', '052', '--db', db])).status, 0);
  const catalogue = readdirSync(join(generated, 'catalogue')).map((name) => join(generated, 'catalogue', name));
  const imported = await runClef(['works', 'import', ...catalogue, '--db', db]);
  assert.equal(imported.status, 0, imported.stderr);
  const report = readdirSync(join(generated, 'reports')).map((name) => join(generated, 'reports', name));
  const ingest = await runClef(['usage', 'ingest', ...report, youTube, '--db', db]);
  assert.equal(ingest.status, 0, ingest.stderr);

  type Rates = { message_id: string; dsp: string; resources: number; matched_resources: number; match_rate_resources: number; match_rate_usages: number };
  const rates = async () => {
    const run = await runClef(['usage', 'reports', '--db', db, '--json']);
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as Rates[];
  };
  const before = await rates();
  assert.deepEqual(Object.keys(before[0]).sort(), ['dsp', 'lines', 'match_rate_resources', 'match_rate_usages', 'matched_resources', 'message_id', 'period', 'resources', 'status']);
  const truthRows = readFileSync(join(generated, 'truth.csv'), 'utf8').trim().split('\n').length - 1;
  const generatedRates = before.find((r) => r.dsp === 'ClefStream')!;
  assert.equal(generatedRates.resources, truthRows);
  assert.equal(generatedRates.match_rate_resources, 1);
  const youTubeRates = before.find((r) => r.message_id === '1453417766009915')!;
  assert.deepEqual([youTubeRates.dsp, youTubeRates.resources, youTubeRates.matched_resources], ['YouTube', 3, 0]);

  type Unmatched = { resource: string; status: string; usages: string };
  const unmatched = async () => {
    const run = await runClef(['usage', 'unmatched', '--db', db, '--json']);
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as Unmatched[];
  };
  const open = await unmatched();
  assert.equal(open.length, 3);
  assert.ok(open.every((row) => row.resource.startsWith(`${youTubeDpid}:`) && row.status === 'unmatched'));
  const usages = open.map((row) => BigInt(row.usages));
  assert.deepEqual(usages, [...usages].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)), 'most used first');

  const iswc = /T\d{10}/.exec(readFileSync(catalogue[0], 'latin1'))![0];
  const matched = await runClef(['usage', 'match', open[0].resource, '--work', iswc, '--db', db]);
  assert.equal(matched.status, 0, matched.stderr);
  assert.match(matched.stdout, /applied to 1 reports/);
  assert.deepEqual((await unmatched()).map((row) => row.resource), open.slice(1).map((row) => row.resource));
  assert.equal((await rates()).find((r) => r.message_id === '1453417766009915')!.matched_resources, 1);

  const bad = await runClef(['usage', 'match', 'no-colon-here', '--work', iswc, '--db', db]);
  assert.equal(bad.status, 2, 'a malformed argument is a usage error');
  assert.match(bad.stderr, /CLEF_USAGE_INVALID_ARGUMENT/);

  const added = await runClef(['dsps', 'add', youTubeDpid, '--name', 'YouTube Music', '--alias', 'YouTube', 'YT', '--db', db, '--json']);
  assert.equal(added.status, 0, added.stderr);
  const list = await runClef(['dsps', 'list', '--db', db, '--json']);
  assert.equal(list.status, 0, list.stderr);
  assert.deepEqual(JSON.parse(list.stdout), [
    { dpid: 'PADPIDA2011072101T', name: 'ClefStream', aliases: [] },
    { dpid: youTubeDpid, name: 'YouTube Music', aliases: ['YouTube', 'YT'] },
  ]);
});
