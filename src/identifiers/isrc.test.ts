import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixturePath } from '../../test/support/repo-paths.js';
import { formatIsrc, isValidIsrc, parseIsrc } from './isrc.js';

test('accepts the reference vector and its hyphenated and lowercase spellings', () => {
  assert.deepEqual(parseIsrc('USUM70600055'), { ok: true, value: 'USUM70600055' });
  assert.deepEqual(parseIsrc('US-UM7-06-00055'), { ok: true, value: 'USUM70600055' });
  assert.deepEqual(parseIsrc('usum7 06 00055'), { ok: true, value: 'USUM70600055' });
  assert.deepEqual(parseIsrc('ISRC: US-UM7-06-00055'), { ok: true, value: 'USUM70600055' });
});

test('keeps an ISRC whose country code is IS (Iceland) intact rather than reading it as a label', () => {
  assert.deepEqual(parseIsrc('ISRCA1234567'), { ok: true, value: 'ISRCA1234567' });
});

test('names the element that is wrong', () => {
  const cases: [string, RegExp][] = [
    ['USUM7060005', /expected 12 characters CC-XXX-YY-NNNNN, found 11/],
    ['1SUM70600055', /country code should be 2 letters, found 1S/],
    ['USU_70600055', /expected 12 characters/],
    ['USUM7A600055', /year of reference should be 2 digits, found A6/],
    ['USUM706000X5', /designation code should be 5 digits, found 000X5/],
  ];
  for (const [text, reason] of cases) {
    const result = parseIsrc(text);
    assert.ok(!result.ok, text);
    assert.match(result.reason, reason, text);
    assert.equal(result.problem, 'shape');
  }
});

test('formats as CC-XXX-YY-NNNNN', () => {
  const parsed = parseIsrc('JMK401400002');
  assert.ok(parsed.ok);
  assert.equal(formatIsrc(parsed.value), 'JM-K40-14-00002');
});

test('accepts every ISRC reported on AS01 lines of the UGC DSR fixture', () => {
  const text = readFileSync(fixturePath('dsr', 'DSR_TEST_YouTube_AdSupport-music_2015-Q4_IS_1of1_20160121T150926.tsv'), 'utf8');
  const isrcs = text.split('\n').filter((line) => line.startsWith('AS01')).map((line) => line.split('\t')[4]);
  assert.ok(isrcs.length >= 3);
  for (const isrc of isrcs) assert.ok(isValidIsrc(isrc), isrc);
});

test('accepts the hyphenated ISRC of the work-import CSV fixture', () => {
  const csv = readFileSync(fixturePath('cwr', 'dataimport.csv'), 'utf8');
  const isrcs = csv.match(/"[A-Z]{2}-[A-Z0-9]{3}-\d{2}-\d{5}"/g) ?? [];
  assert.ok(isrcs.length >= 1);
  for (const quoted of isrcs) assert.ok(isValidIsrc(quoted.slice(1, -1)), quoted);
});
