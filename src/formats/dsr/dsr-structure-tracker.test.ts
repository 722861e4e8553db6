import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateDsrFile } from './parse-dsr-file.js';

function source(rows: string[][]): { name: string; chunks: AsyncIterable<Uint8Array> } {
  const bytes = new TextEncoder().encode(rows.map((r) => r.join('\t')).join('\n') + '\n');
  return { name: 'DSR_PADPIDA2_PADPIDA1_Premium_2025-01_FR_1of1_20250201T000000.tsv', chunks: (async function* () { yield bytes; })() };
}

const head = ['HEAD', 'dsrf/30', 'BasicAudioProfile', '1.2', 'M1', '2025-02-01T00:00:00Z', '1', '1', '2025-01-01', '2025-01-31', 'PADPIDA1', 'Svc', 'Premium', 'PADPIDA2', 'CMO'];
const summary = ['SY02.02', '1', '', '', 'SubscriptionModel', 'OnDemandStream', 'FR', 'Premium', '10', '', 'EUR', '1.00', '', '', '', '', '', '', 'Music'];
const resource = (block: string, isrc: string): string[] => ['AS01.01', block, 'R1', `D${block}`, isrc, 'Song', '', 'Artist', '', 'PT3M', 'SoundRecording'];
const usage = (block: string, streams: string): string[] => ['SU02', block, '1', `T${block}`, '', 'R1', 'true', streams];
const where = (f: { location: { line?: number; recordType?: string; field?: string }; code: string }): string => `${f.location.line} ${f.location.recordType} ${f.location.field} ${f.code}`;

test('refuses a non-numeric count, usage before its resource, a split block and a summary after blocks, each located', async () => {
  const result = await validateDsrFile(source([
    head, summary,
    usage('1', '7'), resource('1', 'QZC000000001'),
    resource('2', 'QZC000000002'), usage('2', 'many'),
    summary,
    resource('1', 'QZC000000003'), usage('1', '3'),
    ['FOOT', '10', '10', '2', '3', '3'],
  ]));
  assert.equal(result.accepted, false);
  assert.deepEqual(result.errors.map(where), [
    '3 SU02 undefined CLEF_DSR_RECORD_ORDER',
    '4 AS01.01 undefined CLEF_DSR_RECORD_ORDER',
    '6 SU02 NumberOfStreams CLEF_DSR_CELL_INVALID',
    '7 SY02.02 undefined CLEF_DSR_RECORD_ORDER',
    '8 AS01.01 undefined CLEF_DSR_RECORD_ORDER',
  ]);
});

test('stages a report with a malformed ISRC and a bad ISWC as warnings, keeping the values out of matching', async () => {
  const work = ['MW01.01', '1', 'W1', 'T0345246802', 'Song', '', 'A Writer', '', '', '', '', '', '', '', '', ''];
  const result = await validateDsrFile(source([head, summary, resource('1', 'BAD-ISRC'), work, usage('1', '10'), ['FOOT', '6', '6', '1', '1', '1']]));
  assert.equal(result.accepted, true, JSON.stringify(result.errors));
  assert.deepEqual(result.warnings.map(where), ['3 AS01.01 ISRC CLEF_DSR_IDENTIFIER_INVALID', '4 MW01.01 ISWC CLEF_DSR_IDENTIFIER_INVALID']);
  assert.equal(result.warnings[0].location.value, 'BAD-ISRC');
});

test('lists at most the cap of errors but counts them all', async () => {
  const rows = [head, summary];
  for (let b = 1; b <= 30; b++) rows.push(resource(String(b), 'QZC000000001'), usage(String(b), 'x'));
  rows.push(['FOOT', String(rows.length + 1), '', '1', '30', '']);
  const result = await validateDsrFile(source(rows), { findingCap: 10 });
  assert.equal(result.errors.length, 10);
  assert.equal(result.errorCount, 30);
});
