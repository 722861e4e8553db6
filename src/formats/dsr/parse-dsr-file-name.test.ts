import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDsrFileName } from './parse-dsr-file-name.js';

test('reads every element of a DDEX DSR file name', () => {
  const { fileName, findings } = parseDsrFileName('DSR_PADPIDA2014999999Z_PADPIDA2014111801Y_AdSupport_2015-02_AU_1of2_20150723T092522.tsv');
  assert.deepEqual(findings, []);
  assert.deepEqual(fileName, {
    recipient: 'PADPIDA2014999999Z', sender: 'PADPIDA2014111801Y', serviceDescription: 'AdSupport', period: '2015-02', territory: 'AU',
    fileNumber: 1, numberOfFiles: 2, created: '20150723T092522', compressed: false,
  });
});

test('accepts a quarter, a date range, a compressed file and a name without xofy', () => {
  assert.equal(parseDsrFileName('DSR_TEST_YouTube_AdSupport-music_2015-Q4_IS_1of1_20160121T150926.tsv').fileName?.period, '2015-Q4');
  const range = parseDsrFileName('DSR_A_B_Premium_2024-01-01--2024-01-31_multi_20240201T000000.tsv.gz');
  assert.deepEqual(range.findings, []);
  assert.equal(range.fileName?.compressed, true);
  assert.equal(range.fileName?.numberOfFiles, 1);
});

test('warns about a name that does not follow the convention, naming the element', () => {
  assert.equal(parseDsrFileName('test_file_parser.tsv').findings[0].location.field, 'name');
  const bad = parseDsrFileName('DSR_A_B_Premium_2024-13x_FRANCE_3of2_20240201.csv');
  assert.deepEqual(bad.findings.map((f) => [f.severity, f.location.field]), [
    ['warning', 'extension'], ['warning', 'period'], ['warning', 'territory'], ['warning', 'xofy'], ['warning', 'created'],
  ]);
});
