import assert from 'node:assert/strict';
import { inTransaction, type Store } from '../../src/store/index.js';
import { forgetAutomaticMatches } from '../../src/store/usage/match-step-queries.js';
import { generateUsage } from '../../src/usage/generate-usage/generate-usage.js';
import { ingestReport, ingestReportSource } from '../../src/usage/use-cases/ingest-report.js';
import { loadGeneratedCatalogue } from '../../src/usage/use-cases/load-generated-catalogue.js';
import { matchReports } from '../../src/usage/use-cases/match-reports.js';
import { basicAudioReport, reportSource, type BlockSpec } from '../distribution/basic-audio-report.js';
import { dsp } from '../distribution/distribution-setup.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';

const recordings = 300;
const generated = generateUsage({ out: tempDir(), lines: 3000, recordings, seed: 11 });
const clock = (): string => '2026-01-01T00:00:00.000Z';

// Medleys (two works each, by ISWC), resources named by Clef work number and resources with only a title and artist, beside the generated report's ISRC,
// ISWC and unknown resources: every step that reads pages has far more resources than one page.
async function ingestMedleysAndNumbers(store: Store): Promise<void> {
  const works = await store.db.selectFrom('works').select(['work_id', 'iswc', 'title']).orderBy('work_id').limit(40).execute();
  const blocks: BlockSpec[] = works.slice(0, 20).map((w, i) => ({
    isrc: '', title: `Medley ${i}`, artist: 'Somebody', summaryId: '1', streams: 5, resourceId: `MEDLEY-${String(i).padStart(2, '0')}`,
    works: [{ title: w.title, iswc: w.iswc ?? '' }, { title: works[i + 20].title, iswc: works[i + 20].iswc ?? '' }],
  }));
  works.slice(20).forEach((w, i) => blocks.push({ isrc: '', title: w.title, artist: 'Nobody Known', summaryId: '1', streams: 7, resourceId: `NUMBER-${String(i).padStart(2, '0')}`, works: [{ title: w.title, proprietaryId: `clef::${w.work_id}` }] }));
  const titled = await store.db.selectFrom('recordings').select(['recording_id', 'title', 'display_artist']).orderBy('recording_id').limit(20).execute();
  titled.forEach((r, i) => blocks.push({ isrc: '', title: r.title, artist: r.display_artist ?? '', summaryId: '1', streams: 3, resourceId: `TITLE-${String(i).padStart(2, '0')}` }));
  const outcome = await ingestReportSource({ store, actor: 'tester', clock }, reportSource(basicAudioReport({
    sender: dsp, recipient: 'PADPIDA2025010101C', month: '2025-01', territory: 'FR', currency: 'EUR', serial: 1,
    summaries: [{ id: '1', commercialModel: 'SubscriptionModel', usages: 1000, subscribers: 10, netRevenue: '10.00' }], blocks,
  })));
  assert.equal(outcome.outcome, 'staged');
}

async function rematch(store: Store, resourcesPerPage?: number) {
  const reportIds = (await store.db.selectFrom('usage_reports').select('report_id').orderBy('report_id').execute()).map((r) => BigInt(r.report_id));
  await inTransaction(store.db, async (tx) => {
    await forgetAutomaticMatches(tx, reportIds);
    await matchReports(tx, reportIds, { now: clock(), actor: 'tester', engine: store.engine, resourcesPerPage });
  });
  const matches = await store.db.selectFrom('usage_matches').selectAll().orderBy('report_id').orderBy('dsp_resource_id').execute();
  const parts = await store.db.selectFrom('usage_medley_parts').selectAll().orderBy('report_id').orderBy('dsp_resource_id').orderBy('part').execute();
  const remembered = await store.db.selectFrom('dsp_resource_matches').selectAll().orderBy('sender_dpid').orderBy('dsp_resource_id').execute();
  return { matches, parts, remembered };
}

describeEachEngine('matching a page of resources at a time', (open) => {
  test('pages of 3 resources give the same matches, medley parts, notes and remembered matches as one page', async () => {
    const store = await open();
    await loadGeneratedCatalogue(store, { recordings, seed: 11 });
    const [outcome] = await ingestReport({ store, actor: 'tester', clock }, [(await generated).reportFile]);
    assert.equal(outcome.outcome, 'staged');
    await ingestMedleysAndNumbers(store);

    const whole = await rematch(store);
    const methods = new Map<string, number>();
    for (const m of whole.matches) methods.set(m.method ?? 'none', (methods.get(m.method ?? 'none') ?? 0) + 1);
    // Each paged step must have many pages' worth of resources, or the comparison proves nothing.
    assert.ok((methods.get('title-artist') ?? 0) >= 15, `title-artist matches: ${JSON.stringify([...methods])}`);
    assert.ok((methods.get('work-number') ?? 0) >= 15, `work-number matches: ${JSON.stringify([...methods])}`);
    assert.ok(whole.parts.filter((p) => p.method === 'iswc').length >= 40, 'every medley part identified by its ISWC');
    assert.ok(whole.matches.filter((m) => m.dsp_resource_id.startsWith('MEDLEY-') && m.work_id !== null).length === 20);

    const paged = await rematch(store, 3);
    assert.deepEqual(paged, whole);
    assert.deepEqual(await rematch(store, 1), whole);
  });
});
