import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runClef } from '../../../test/cli/run-clef.js';
import { tempDir } from '../../../test/support/temp-dir.js';
import { addWhiteNoise, encodeWav, synthesizeMelody } from '../../audio/index.js';

const rate = 16000;

const clef = (...args: string[]) => runClef(args);

const dir = tempDir();
const library = join(dir, 'library');
mkdirSync(library);
const indexDir = join(dir, 'clef.duckdb.audio');
for (const seed of [31, 32, 33]) writeFileSync(join(library, `song-${seed}.wav`), encodeWav(synthesizeMelody({ seed, durationS: 30, sampleRate: rate }), rate));
writeFileSync(join(library, 'manifest.csv'), 'title,file,isrc\nFirst,song-31.wav,ZZ-CLF-26-00031\nSecond,song-32.wav,ZZCLF2600032\n');
const query = join(dir, 'query.wav');
writeFileSync(query, encodeWav(addWhiteNoise(synthesizeMelody({ seed: 32, durationS: 30, sampleRate: rate, pitchFactor: 2 ** (1 / 12) }).slice(8 * rate, 18 * rate), 10, 3).map((v) => v * 0.7), rate));
const stranger = join(dir, 'stranger.wav');
writeFileSync(stranger, encodeWav(synthesizeMelody({ seed: 99, durationS: 10, sampleRate: rate }), rate));

test('audio index fingerprints a folder with its manifest and reports the index size per hour', async () => {
  const run = await clef('audio', 'index', library, '--manifest', join(library, 'manifest.csv'), '--db', join(dir, 'clef.duckdb'), '--decoder', 'js', '--json');
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assert.equal(result.added, 3);
  assert.equal(result.recordings, 3);
  assert.ok(result.index_bytes > 0 && result.index_bytes_per_hour > result.index_bytes, JSON.stringify(result));
  const catalogue = JSON.parse(readFileSync(join(indexDir, 'index.json'), 'utf8'));
  assert.deepEqual(catalogue.recordings.map((r: { isrc?: string }) => r.isrc ?? null), ['ZZCLF2600031', 'ZZCLF2600032', null]);
});

test('audio index run again adds nothing: the index is incremental', async () => {
  const run = await clef('audio', 'index', library, '--index', indexDir, '--decoder', 'js', '--json');
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assert.equal(result.added, 0);
  assert.equal(result.unchanged, 3);
  assert.equal(result.recordings, 3);
});

test('audio identify --json finds a pitched, noisy excerpt and nothing in unknown music, exiting 0', async () => {
  const run = await clef('audio', 'identify', query, stranger, '--index', indexDir, '--decoder', 'js', '--json');
  assert.equal(run.status, 0, run.stderr);
  const [hit, miss] = JSON.parse(run.stdout);
  assert.equal(hit.file, query);
  assert.equal(hit.matches.length, 1);
  const match = hit.matches[0];
  assert.deepEqual(Object.keys(match).slice(0, 2), ['recording_id', 'isrc']);
  assert.equal(match.isrc, 'ZZCLF2600032');
  assert.equal(match.recording_id, null);
  assert.ok(Math.abs(match.reference_offset_s - match.query_offset_s - 8) < 0.1, JSON.stringify(match));
  assert.ok(Math.abs(match.frequency_factor - 2 ** (1 / 12)) < 0.02);
  assert.ok(Math.abs(match.time_factor - 1) < 0.01);
  assert.ok(match.matched_s > 7 && match.score > 0);
  assert.deepEqual(miss, { file: stranger, duration_s: 10, matches: [] });
});

test('audio scan lists per file where recordings are found and summarizes the set', async () => {
  const set = join(dir, 'training-set');
  mkdirSync(set);
  writeFileSync(join(set, 'a.wav'), readFileSync(query));
  writeFileSync(join(set, 'b.wav'), readFileSync(stranger));
  const run = await clef('audio', 'scan', set, '--index', indexDir, '--decoder', 'js', '--json');
  assert.equal(run.status, 0, run.stderr);
  const scan = JSON.parse(run.stdout);
  assert.deepEqual(scan.files.map((f: { matches: unknown[] }) => f.matches.length), [1, 0]);
  assert.equal(scan.summary.files_scanned, 2);
  assert.equal(scan.summary.files_with_matches, 1);
  assert.deepEqual(scan.summary.recordings.map((r: { isrc: string; files: number }) => [r.isrc, r.files]), [['ZZCLF2600032', 1]]);
});

test('audio evidence writes JSON and an HTML page with the alignment picture', async () => {
  const out = join(dir, 'evidence');
  const run = await clef('audio', 'evidence', query, '--recording', 'ZZ-CLF-26-00032', '--out', out, '--index', indexDir, '--decoder', 'js');
  assert.equal(run.status, 0, run.stderr);
  const evidence = JSON.parse(readFileSync(join(out, 'evidence.json'), 'utf8'));
  assert.equal(evidence.accepted, true);
  assert.ok(evidence.segments.length >= 1);
  assert.ok(evidence.hash_agreement.ratio > 0 && evidence.hash_agreement.ratio <= 1);
  assert.ok(Math.abs(evidence.matched_span.reference_start_s - evidence.matched_span.query_start_s - 8) < 0.1);
  const html = readFileSync(join(out, 'evidence.html'), 'utf8');
  assert.match(html, /<svg[^>]*>[\s\S]*<circle[\s\S]*<\/svg>/);
  assert.equal((html.match(/<circle /g) ?? []).length, evidence.points.length);
});

test('audio evidence names an unknown recording with CLEF_NOT_FOUND', async () => {
  const run = await clef('audio', 'evidence', query, '--recording', 'ZZCLF2699999', '--out', join(dir, 'none'), '--index', indexDir);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /CLEF_NOT_FOUND/);
  assert.equal(existsSync(join(dir, 'none')), false);
});

test('audio identify reports unsupported and corrupt files with their codes and exits 1', async () => {
  const text = join(dir, 'notes.wav');
  writeFileSync(text, 'not audio at all\n');
  const broken = join(dir, 'broken.flac');
  writeFileSync(broken, Buffer.concat([Buffer.from('fLaC'), Buffer.alloc(200, 7)]));
  const run = await clef('audio', 'identify', text, broken, '--index', indexDir, '--decoder', 'js', '--json');
  assert.equal(run.status, 1);
  const [a, b] = JSON.parse(run.stdout);
  assert.equal(a.error.code, 'CLEF_AUDIO_UNSUPPORTED_FORMAT');
  assert.equal(b.error.code, 'CLEF_AUDIO_DECODE_FAILED');
  assert.match(run.stderr, /broken\.flac/);
});

test('audio identify without an index says how to build one', async () => {
  const run = await clef('audio', 'identify', query, '--index', join(dir, 'missing.audio'));
  assert.equal(run.status, 1);
  assert.match(run.stderr, /CLEF_AUDIO_INDEX_MISSING: .*clef audio index/);
});
