import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixturePath } from '../../test/support/repo-paths.js';
import { formatIswc, isCompactIswc, isValidIswc, iswcWithCheckDigit, normalizeIswc, parseIswc } from './iswc.js';

/** The ISWC field (columns 96-106) of every NWR, REV and ISW record of a CWR 2.1 fixture. */
function cwrIswcs(file: string): string[] {
  return readFileSync(fixturePath('cwr', file), 'latin1')
    .split(/\r?\n/)
    .filter((line) => /^(NWR|REV|ISW)/.test(line))
    .map((line) => line.slice(95, 106).trim())
    .filter((iswc) => iswc !== '');
}

test('accepts the reference vectors in display and compact notation', () => {
  assert.deepEqual(parseIswc('T-034.524.680-1'), { ok: true, value: 'T0345246801' });
  assert.deepEqual(parseIswc('T1234567894'), { ok: true, value: 'T1234567894' });
});

test('rejects an ISWC with a wrong check digit and says which digit was expected', () => {
  const result = parseIswc('T-034.524.680-2');
  assert.equal(result.ok, false);
  assert.ok(!result.ok);
  assert.equal(result.reason, 'check digit should be 1, found 2');
  assert.equal(result.problem, 'check');
});

test('rejects values of the wrong length or without the T prefix as a shape problem', () => {
  for (const text of ['T-034.524.680', 'T03452468011', '0345246801', 'TX345246801', '']) {
    const result = parseIswc(text);
    assert.ok(!result.ok, text);
    assert.equal(result.problem, 'shape', text);
    assert.match(result.reason, /expected T \+ 10 digits/);
  }
});

test('the compact fast path agrees with parseIswc on compact text and leaves every other notation to it', () => {
  for (let n = 0; n < 2000; n++) {
    const text = `T${String(n * 4999).padStart(9, '0')}${n % 10}`;
    assert.equal(isCompactIswc(text), parseIswc(text).ok, text);
  }
  assert.equal(isCompactIswc('T0345246801'), true);
  assert.equal(isCompactIswc('T-034.524.680-1'), false, 'display notation goes through parseIswc');
  assert.equal(isCompactIswc('T034524680A'), false);
});

test('appends the check digit parseIswc expects to nine digits', () => {
  assert.equal(iswcWithCheckDigit('034524680'), 'T0345246801');
  for (let n = 0; n < 1000; n++) assert.ok(isValidIswc(iswcWithCheckDigit(String(n * 7919).padStart(9, '0'))), String(n));
});

test('normalizes lowercase, spaces, dots, hyphens and a leading ISWC label', () => {
  assert.equal(normalizeIswc(' t 034 524 680 1 '), 'T0345246801');
  assert.equal(normalizeIswc('ISWC: T-034.524.680-1'), 'T0345246801');
  assert.ok(isValidIswc('t-034.524.680-1'));
  assert.ok(isValidIswc('iswc T-034-524-680-1'));
});

test('formats a parsed ISWC for display and round-trips through parsing', () => {
  const parsed = parseIswc('T0345246801');
  assert.ok(parsed.ok);
  assert.equal(formatIswc(parsed.value), 'T-034.524.680-1');
  assert.deepEqual(parseIswc(formatIswc(parsed.value)), parsed);
});

test('accepts every ISWC that the UGC DSR fixtures report on MW01 lines', () => {
  const text = readFileSync(fixturePath('dsr', 'DSR_TEST_YouTube_AdSupport-music_2015-Q4_IS_1of1_20160121T150926.tsv'), 'utf8');
  const iswcs = text.split('\n').filter((line) => line.startsWith('MW01')).map((line) => line.split('\t')[3]).filter(Boolean);
  assert.deepEqual(iswcs, ['T9109247316', 'T0702472794']);
  for (const iswc of iswcs) assert.ok(isValidIswc(iswc), iswc);
});

test('accepts the ISWCs of the CWR registration and the PRS acknowledgement fixtures', () => {
  const iswcs = [...cwrIswcs('CW220001DMP_000.V21'), ...cwrIswcs('CW220001000_DMP.V21')];
  assert.ok(iswcs.length >= 2);
  for (const iswc of iswcs) assert.ok(isValidIswc(iswc), iswc);
});

test('refuses with a check problem the made-up ISWCs of the BMI ISW notification fixture', () => {
  const iswcs = cwrIswcs('CW220001052_DMP.V21');
  assert.deepEqual([...new Set(iswcs)].sort(), ['T1234567893', 'T3221234234']);
  for (const iswc of iswcs) {
    const result = parseIswc(iswc);
    assert.ok(!result.ok && result.problem === 'check', iswc);
  }
});
