import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeEachEngine, test } from '../support/engines.js';
import { fixturePath } from '../support/repo-paths.js';
import { tempDir } from '../support/temp-dir.js';
import { ingestReport } from '../../src/usage/use-cases/ingest-report.js';
import { listReports } from '../../src/usage/use-cases/list-reports.js';
import { listDsps } from '../../src/usage/use-cases/dsps.js';
import type { Store } from '../../src/store/index.js';

const fixture = (name: string) => fixturePath('dsr', name);
const youTube = 'DSR_TEST_YouTube_AdSupport-music_2015-Q4_IS_1of1_20160121T150926.tsv';
const youTube2 = 'DSR_TEST2_YouTube_AdSupport-music_2015-Q4_IS_1of1_20160121T150926.tsv';
const parserTests = [
  'DSR_PADPIDA2014999999Z_PADPIDA2014111801Y_AdSupport_2015-02_AU_1of1_20140617T092522.tsv',
  'DSR_PADPIDA2014999999Z_PADPIDA2014111801Y_AdSupport_2015-02_AU_1of1_20150723T092522.tsv',
  'DSR_PADPIDA2014999999Z_PADPIDA2014111801Y_AdSupport_2015-02_AU_1of2_20150723T092522.tsv',
  'DSR_PADPIDA2014999999Z_PADPIDA2014111801Y_AdSupport_2015-02_AU_2of2_20150723T092522.tsv',
  'test_file_parser.tsv',
  'test_file_parser.tsv.gz',
];

function context(store: Store) {
  let tick = 0;
  return { store, actor: 'tester', clock: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString() };
}

async function count(store: Store, table: 'usage_lines' | 'usage_resources' | 'usage_reports' | 'usage_matches'): Promise<number> {
  const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<bigint>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachEngine('DSR fixtures through ingestion', (open) => {
  test('stages the YouTube UGC report with record-version warnings, registers its sender and matches its resources', async () => {
    const store = await open();
    const [outcome] = await ingestReport(context(store), [fixture(youTube)]);
    assert.equal(outcome.outcome, 'staged');
    assert.equal(outcome.reportStatus, 'complete');
    assert.ok(outcome.warnings.some((w) => w.code === 'CLEF_DSR_RECORD_VERSION_MISMATCH' && w.location.recordType === 'SY02.01'));
    assert.ok((await count(store, 'usage_lines')) > 0);
    assert.ok((await count(store, 'usage_resources')) > 0);
    const dsps = await listDsps(context(store));
    assert.equal(dsps.length, 1);
    assert.equal(dsps[0].dpid, outcome.messageId === null ? '' : (await store.db.selectFrom('usage_reports').select('sender_dpid').executeTakeFirstOrThrow()).sender_dpid);
    const [report] = await listReports(context(store));
    assert.equal(report.message_id, outcome.messageId);
    assert.ok(report.resources > 0);
    assert.equal(report.matched_resources, 0, 'an empty registry matches nothing');
    assert.equal(report.match_rate_resources, 0);
  });

  test('refuses DSR_TEST2 whole with the located FOOT count error, staging nothing', async () => {
    const store = await open();
    const [outcome] = await ingestReport(context(store), [fixture(youTube2)]);
    assert.equal(outcome.outcome, 'refused');
    const foot = outcome.errors.find((e) => e.code === 'CLEF_DSR_FOOT_COUNT_MISMATCH');
    assert.ok(foot, 'a FOOT count error is listed');
    assert.equal(foot.location.recordType, 'FOOT');
    assert.equal(foot.location.file, youTube2);
    assert.ok(foot.location.line);
    assert.equal(await count(store, 'usage_reports'), 0);
    assert.equal(await count(store, 'usage_lines'), 0);
  });

  test('refuses each parser test file with located errors and stages nothing', async () => {
    const store = await open();
    const outcomes = await ingestReport(context(store), parserTests.map(fixture));
    for (const outcome of outcomes) {
      assert.equal(outcome.outcome, 'refused', outcome.file);
      assert.ok(outcome.errors.length > 0, outcome.file);
      assert.ok(outcome.errors.every((e) => e.location.file === outcome.file && e.location.line !== undefined), outcome.file);
    }
    assert.equal(await count(store, 'usage_reports'), 0);
    assert.equal(await count(store, 'usage_resources'), 0);
  });

  test('refuses the same report again as a duplicate, by message id and file number and by content digest', async () => {
    const store = await open();
    const dir = tempDir();
    const renamed = join(dir, youTube.replace('20160121T150926', '20160122T150926'));
    copyFileSync(fixture(youTube), renamed);
    const [first] = await ingestReport(context(store), [fixture(youTube)]);
    assert.equal(first.outcome, 'staged');
    const lines = await count(store, 'usage_lines');
    const [again] = await ingestReport(context(store), [fixture(youTube)]);
    assert.equal(again.outcome, 'duplicate');
    const [copy] = await ingestReport(context(store), [renamed]);
    assert.equal(copy.outcome, 'duplicate');
    const [resend] = await ingestReport(context(store), [renamed], { replaces: first.messageId! });
    assert.equal(resend.outcome, 'duplicate', 'the same bytes are no correction');
    assert.match(resend.duplicateOf ?? '', /digest/);
    assert.equal(await count(store, 'usage_lines'), lines);
    assert.equal(await count(store, 'usage_reports'), 1);
  });
});
