import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assembleDsrReports } from './assemble-dsr-reports.js';
import { validateDsrFile } from './parse-dsr-file.js';

/** A small Basic Audio 1.2 file `x` of `y` of one message, with one block per file. */
function file(x: number, y: number, footReportLines: number, footReportBlocks: number): { name: string; chunks: AsyncIterable<Uint8Array> } {
  const lines = [
    ['HEAD', 'dsrf/30', 'BasicAudioProfile', '1.2', 'M42', '2025-02-01T00:00:00Z', String(x), String(y), '2025-01-01', '2025-01-31', 'PADPIDA1', 'Svc', 'Premium', 'PADPIDA2', 'CMO'],
    ['SY02.02', '1', '', '', 'SubscriptionModel', 'OnDemandStream', 'FR', 'Premium', '10', '', 'EUR', '1.00', '', '', '', '', '', '', 'Music'],
    ['AS01.01', String(x), 'R1', `D${x}`, 'QZC000000001', 'Song', '', 'Artist', '', '', 'SoundRecording'],
    ['SU02', String(x), '1', `T${x}`, '', 'R1', 'true', '5'],
    ['FOOT', '5', String(footReportLines), '1', '1', String(footReportBlocks)],
  ];
  const bytes = new TextEncoder().encode(lines.map((l) => l.join('\t')).join('\n'));
  return { name: `DSR_PADPIDA2_PADPIDA1_Premium_2025-01_FR_${x}of${y}_20250201T000000.tsv`, chunks: (async function* () { yield bytes; })() };
}

test('assembles a two-file report by MessageId once both files are in, checking the report-wide FOOT counts', async () => {
  const first = await validateDsrFile(file(1, 2, 10, 2));
  const second = await validateDsrFile(file(2, 2, 10, 2));
  assert.equal(first.accepted, true, JSON.stringify(first.errors));
  const [partial] = assembleDsrReports([second]);
  assert.deepEqual([partial.messageId, partial.complete, partial.missing, partial.findings[0].code], ['M42', false, [1], 'CLEF_DSR_REPORT_INCOMPLETE']);
  const [whole] = assembleDsrReports([second, first]);
  assert.deepEqual([whole.complete, whole.files.map((f) => f.header?.fileNumber), whole.findings], [true, [1, 2], []]);
});

test('refuses an assembled report whose FOOT report counts disagree with the sum of its files', async () => {
  const [report] = assembleDsrReports([await validateDsrFile(file(1, 2, 11, 2)), await validateDsrFile(file(2, 2, 11, 3))]);
  assert.equal(report.complete, false);
  assert.deepEqual(report.findings.map((f) => `${f.location.file?.slice(-25)} ${f.location.field} ${f.code}`), [
    '_1of2_20250201T000000.tsv NumberOfLinesInReport CLEF_DSR_FOOT_COUNT_MISMATCH',
    '_2of2_20250201T000000.tsv NumberOfLinesInReport CLEF_DSR_FOOT_COUNT_MISMATCH',
    '_2of2_20250201T000000.tsv NumberOfBlocksInReport CLEF_DSR_FOOT_COUNT_MISMATCH',
  ]);
});
