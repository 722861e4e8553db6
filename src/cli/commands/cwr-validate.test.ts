import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturePath } from '../../../test/support/repo-paths.js';
import { runClef } from '../../../test/cli/run-clef.js';
import { tempDir } from '../../../test/support/temp-dir.js';

const clef = (...args: string[]) => runClef(args);

test('cwr validate passes the clean DMP registration with exit status 0', async () => {
  const run = await clef('cwr', 'validate', fixturePath('cwr', 'CW220001DMP_000.V21'));
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /CWR 2\.1, 22 records, 1 groups, 1 transactions, 0 findings/);
});

test('cwr validate --json prints only JSON with the two located planted errors and exits 1', async () => {
  const run = await clef('cwr', 'validate', '--json', fixturePath('cwr', 'CW220004DMP_000.V21'));
  assert.equal(run.status, 1);
  const report = JSON.parse(run.stdout) as { file: string; version: string; findings: Record<string, unknown>[] };
  assert.equal(report.file, 'CW220004DMP_000.V21');
  assert.equal(report.version, '2.1');
  assert.deepEqual(report.findings.map((f) => [f.line, f.record_type, f.field, f.value, f.severity]), [
    [5, 'SPT', 'TIS Numeric Code', '2136', 'TR'],
    [8, 'SWT', 'PR Collection Share', 'XXX00', 'TR'],
  ]);
  for (const f of report.findings) assert.equal(typeof f.message, 'string');
});

test('cwr validate exits 0 when the only findings are field-level (FR)', async () => {
  const dir = tempDir();
  const text = readFileSync(fixturePath('cwr', 'CW220001DMP_000.V21'), 'latin1').replace('T1234567894', 'T1234567895');
  writeFileSync(join(dir, 'CW210001AAA_000.V21'), text, 'latin1');
  const run = await clef('cwr', 'validate', '--json', join(dir, 'CW210001AAA_000.V21'));
  assert.equal(run.status, 0);
  assert.deepEqual(JSON.parse(run.stdout).findings.map((f: { severity: string; code: string }) => `${f.severity} ${f.code}`), ['FR CLEF_CWR_ISWC_INVALID']);
});

test('cwr validate names a missing file with a coded error and no stack trace', async () => {
  const run = await clef('cwr', 'validate', join(tempDir(), 'missing.V21'));
  assert.equal(run.status, 1);
  assert.match(run.stderr, /CLEF_FILE_UNREADABLE: .*missing\.V21: cannot read CWR file: no such file/);
  assert.doesNotMatch(run.stderr, /\n\s+at /);
});

test('cwr validate reports an empty file and a binary file as located findings', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'empty.V21'), '');
  writeFileSync(join(dir, 'binary.V21'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
  const empty = await clef('cwr', 'validate', '--json', join(dir, 'empty.V21'));
  assert.equal(empty.status, 1);
  assert.equal(JSON.parse(empty.stdout).findings[0].code, 'CLEF_CWR_HEADER_MISSING');
  const binary = await clef('cwr', 'validate', '--json', join(dir, 'binary.V21'));
  assert.equal(binary.status, 1);
  const codes = JSON.parse(binary.stdout).findings.map((f: { code: string }) => f.code);
  assert.ok(codes.includes('CLEF_CWR_NOT_TEXT'), codes.join());
  assert.doesNotMatch(binary.stderr, /unexpected failure/);
});

test('cwr validate locates a file truncated in the middle of a record', async () => {
  const dir = tempDir();
  const whole = readFileSync(fixturePath('cwr', 'CW220001DMP_000.V21'));
  writeFileSync(join(dir, 'CW220001DMP_000.V21'), whole.subarray(0, whole.indexOf('ALT0000000000000013') + 25));
  const run = await clef('cwr', 'validate', '--json', join(dir, 'CW220001DMP_000.V21'));
  assert.equal(run.status, 1);
  const findings = JSON.parse(run.stdout).findings as { line: number; record_type: string; field: string | null; severity: string; code: string }[];
  assert.deepEqual(findings.map((f) => `${f.line} ${f.record_type} ${f.severity} ${f.code}${f.field ? ` ${f.field}` : ''}`), [
    '16 ALT RR CLEF_CWR_FIELD_MISSING Title Type',
    '16 ALT GR CLEF_CWR_TRAILER_MISSING',
    '16 ALT ER CLEF_CWR_TRAILER_MISSING',
  ]);
});
