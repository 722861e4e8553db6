import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runClef } from '../../../test/cli/run-clef.js';

const clef = (...args: string[]) => runClef(args);

test('shows one valid and one invalid ISWC with the reason, and exits with status 1', async () => {
  const run = await clef('id', 'check', 'T-034.524.680-1', 'T-034.524.680-2');
  assert.equal(run.status, 1, run.stderr);
  const lines = run.stdout.trim().split('\n');
  assert.equal(lines.length, 2);
  assert.deepEqual(lines[0].split('\t'), ['T-034.524.680-1', 'iswc', 'T0345246801', 'valid']);
  assert.deepEqual(lines[1].split('\t'), ['T-034.524.680-2', 'iswc', 'T0345246802', 'invalid: check digit should be 1, found 2']);
});

test('exits with status 0 when every value is valid', async () => {
  const run = await clef('id', 'check', 'USUM70600055', 'PADPIDA2014111801Y', '4006381333931');
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(
    run.stdout.trim().split('\n').map((line) => line.split('\t')[1]),
    ['isrc', 'dpid', 'icpn'],
  );
});

test('writes only JSON to standard output with --json', async () => {
  const run = await clef('id', 'check', '--json', 'I-123456789-3', 'hello');
  assert.equal(run.status, 1);
  const results = JSON.parse(run.stdout) as { kind: string; normalized: string; valid: boolean; reason?: string }[];
  assert.equal(results.length, 2);
  assert.deepEqual(results[0], { kind: 'ipiBaseNumber', input: 'I-123456789-3', normalized: 'I1234567893', valid: true });
  assert.equal(results[1].kind, 'unknown');
  assert.equal(results[1].valid, false);
});

test('reads every value as the kind given with --kind', async () => {
  const run = await clef('id', 'check', '--kind', 'ipiNameNumber', '000000199');
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(run.stdout.trim().split('\t'), ['000000199', 'ipiNameNumber', '00000000199', 'valid']);
});
