import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import { runClef } from '../cli/run-clef.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { basicAudioReport, type ReportSpec } from './basic-audio-report.js';
import { januaryReport, preparedLocation } from './distribution-setup.js';

/** Writes a report as its DSR file, with `edit` applied to its text. */
function reportFile(spec: ReportSpec, edit: (text: string) => string = (t) => t): string {
  const { name, text } = basicAudioReport(spec);
  const path = join(tempDir(), name);
  writeFileSync(path, edit(text));
  return path;
}

const january = januaryReport();
const withSummaries = (summaries: ReportSpec['summaries']): ReportSpec => ({ ...january, summaries });
const withBlocks = (blocks: ReportSpec['blocks']): ReportSpec => ({ ...january, blocks });

describeEachEngine('hostile usage reports are refused before any money moves', (_open, _engine, location) => {
  const refusals: [string, string, RegExp, () => string][] = [
    ['a summary whose Usages is below the sum of its lines', 'CLEF_DSR_SUMMARY_USAGES_EXCEEDED', /:2:9 \(SY02\.02 Usages\): the usage lines of summary "1" list 8778 usages .*more than its Usages 100/,
      () => reportFile(withSummaries([{ ...january.summaries[0], usages: 100 }, january.summaries[1]]))],
    ['a negative NumberOfStreams', 'CLEF_DSR_VALUE_NEGATIVE', /:5:8 \(SU02 NumberOfStreams\): -4001 is negative/,
      () => reportFile(withBlocks([{ ...january.blocks[0], streams: -4001 }, ...january.blocks.slice(1)]))],
    ['a negative summary Usages', 'CLEF_DSR_VALUE_NEGATIVE', /:2:9 \(SY02\.02 Usages\): -8778 is negative/,
      () => reportFile(withSummaries([{ ...january.summaries[0], usages: -8778 }, january.summaries[1]]))],
    ['an SU02 line naming an undeclared SummaryRecordId', 'CLEF_DSR_SUMMARY_UNDECLARED', /:5:3 \(SU02 SummaryRecordId\): SummaryRecordId "9" is not declared/,
      () => reportFile(withBlocks([{ ...january.blocks[0], summaryId: '9' }, ...january.blocks.slice(1)]))],
    ['a NetRevenue beyond what the store holds', 'CLEF_DSR_VALUE_OUT_OF_RANGE', /:2:12 \(SY02\.02 NetRevenue\): 99999999999999\.99 is beyond/,
      () => reportFile(withSummaries([{ ...january.summaries[0], netRevenue: '99999999999999.99' }, january.summaries[1]]))],
    ['a stream count beyond 64 bits', 'CLEF_DSR_VALUE_OUT_OF_RANGE', /:5:8 \(SU02 NumberOfStreams\): 9223372036854775808 is beyond/,
      () => reportFile(withBlocks([{ ...january.blocks[0], streams: 0 }, ...january.blocks.slice(1)]), (t) => t.replace('\ttrue\t0\t', '\ttrue\t9223372036854775808\t'))],
  ];
  for (const [name, code, located, file] of refusals) {
    test(`refuses ${name} with ${code}, located, and stages nothing`, async () => {
      const db = await preparedLocation(location);
      const ingest = await runClef(['usage', 'ingest', file(), '--db', db]);
      assert.equal(ingest.status, 1, ingest.stdout + ingest.stderr);
      const said = ingest.stdout + ingest.stderr;
      assert.match(said, new RegExp(code));
      assert.match(said, located);
      const distribute = await runClef(['distribute', '--period', '2025-01', '--db', db, '--json']);
      assert.equal(distribute.status, 0, distribute.stderr);
      assert.equal(JSON.parse(distribute.stdout).run_id, null, 'nothing was staged, so nothing is paid');
    });
  }

  test('keeps a stream count above 2^53 exact (parsed as bigint, never Number)', async () => {
    const db = await preparedLocation(location);
    const big = '9007199254740993';
    const file = reportFile(withBlocks([{ ...january.blocks[0], streams: 0 }]), (t) => t.replace('\ttrue\t0\t', `\ttrue\t${big}\t`).replace(/\t8778\t/, `\t${big}\t`));
    const ingest = await runClef(['usage', 'ingest', file, '--db', db]);
    assert.equal(ingest.status, 0, ingest.stdout + ingest.stderr);
    const store = await openStore(db);
    try {
      const [line] = await store.db.selectFrom('usage_lines').select('usages').execute();
      const [summary] = await store.db.selectFrom('usage_summaries').select('usages').where('summary_record_id', '=', '1').execute();
      assert.deepEqual([String(line.usages), String(summary.usages)], [big, big]);
    } finally {
      await store.close();
    }
  });

  test('accepts negative revenue as a flagged correction, and distributes its negative pool only with --allow-negative', async () => {
    const db = await preparedLocation(location);
    const file = reportFile(withSummaries([{ ...january.summaries[0], netRevenue: '-1234.57' }, january.summaries[1]]));
    const ingest = await runClef(['usage', 'ingest', file, '--db', db]);
    assert.equal(ingest.status, 0, ingest.stdout + ingest.stderr);
    assert.match(ingest.stdout + ingest.stderr, /CLEF_DSR_VALUE_NEGATIVE.*-1234\.57 is negative: read as a correction/);
    const refused = await runClef(['distribute', '--period', '2025-01', '--db', db]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /CLEF_DISTRIBUTION_POOL_NEGATIVE: .*summary 1: its pool is -\d+ micro-units .*--allow-negative/);
    const runs = await runClef(['runs', 'list', '--db', db, '--json']);
    assert.deepEqual(JSON.parse(runs.stdout), []);
    const allowed = await runClef(['distribute', '--period', '2025-01', '--allow-negative', '--db', db, '--json']);
    assert.equal(allowed.status, 0, allowed.stderr);
    const figures = JSON.parse((await runClef(['runs', 'show', JSON.parse(allowed.stdout).run_id, '--db', db, '--json'])).stdout);
    const reserves = Object.values(figures.reserves as Record<string, string>).reduce((sum, v) => sum + BigInt(v), 0n);
    assert.equal(BigInt(figures.commission_micros) + BigInt(figures.allocated_micros) + reserves, BigInt(figures.money_in_micros), 'reconciles to the micro-unit');
    assert.ok(BigInt(figures.money_in_micros) < 0n);
  });
});
