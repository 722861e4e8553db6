import assert from 'node:assert/strict';
import { titleKey, artistKey } from '../../src/registry/match-key.js';
import { syntheticRecording } from '../../src/usage/generate-usage/synthetic-recording.js';
import { ingestReportSource } from '../../src/usage/use-cases/ingest-report.js';
import { loadGeneratedCatalogue } from '../../src/usage/use-cases/load-generated-catalogue.js';
import { describeEachEngine, test } from '../support/engines.js';

const seed = 9;
const recordings = 40;
const sender = 'PADPIDA2011072101T';
const recipient = 'PADPIDA2025010101C';

/** Catalogue recordings whose title and artist keys no other recording shares: title matching must find each. */
function uniquelyNamed(): number[] {
  const all = [...Array(recordings).keys()].map((i) => syntheticRecording(seed, i, 10));
  const count = new Map<string, number>();
  for (const r of all) count.set(`${titleKey(r.title)}/${artistKey(r.artist)}`, (count.get(`${titleKey(r.title)}/${artistKey(r.artist)}`) ?? 0) + 1);
  return all.filter((r) => count.get(`${titleKey(r.title)}/${artistKey(r.artist)}`) === 1).map((r) => r.index);
}

/** A Basic Audio 1.2 report without ISRCs or ISWCs: titles written in capitals, and works named by a Clef work id (`clef::`) beside an unknown artist. */
function report(byTitle: readonly number[], byWorkNumber: readonly number[]): Uint8Array {
  const lines = [['HEAD', 'dsrf/30', 'BasicAudioProfile', '1.2', `${sender}-STEPS`, '2025-02-01T00:00:00Z', '1', '1', '2025-01-01', '2025-01-31', sender, 'ClefStream', 'Premium', recipient, 'ClefCMO', ''].join('\t')];
  lines.push(['SY02.02', '1', '', '', 'SubscriptionModel', 'OnDemandStream', 'FR', 'Premium', '1000', '10', 'EUR', '1.00', 'ClefCMO', '', '', '', '', 'PerformingRight', 'Music', '', '', '100'].join('\t'));
  let block = 0;
  for (const i of byTitle) {
    const r = syntheticRecording(seed, i, 10);
    block++;
    lines.push(['AS01.01', String(block), `R${block}`, `T${i}`, '', r.title.toUpperCase(), '', r.artist.toLowerCase(), '', 'PT3M0S', 'SoundRecording', ''].join('\t'));
    lines.push(['SU02', String(block), '1', `S${block}`, '', `R${block}`, 'true', '10', '', ''].join('\t'));
  }
  for (const i of byWorkNumber) {
    const r = syntheticRecording(seed, i, 10);
    block++;
    lines.push(['AS01.01', String(block), `R${block}`, `N${i}`, '', r.title, '', 'Nobody Known', '', 'PT3M0S', 'SoundRecording', ''].join('\t'));
    lines.push(['MW01.01', String(block), `W${block}`, '', r.title, '', '', '', '', '', '', '', '', '', '', `clef::GW${String(i).padStart(8, '0')}`].join('\t'));
    lines.push(['SU02', String(block), '1', `S${block}`, '', `R${block}`, 'true', '10', '', ''].join('\t'));
  }
  lines.push(['FOOT', String(lines.length + 1), String(lines.length + 1), '1', String(block), String(block)].join('\t'));
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

describeEachEngine('matching by work number and by title in TypeScript', (open) => {
  test('records every match found in TypeScript, by proprietary work id (with the work\'s only recording) and by title and artist', async () => {
    const store = await open();
    await loadGeneratedCatalogue(store, { recordings, seed });
    const byTitle = uniquelyNamed().slice(0, 25);
    const byWorkNumber = [3, 17, 31];
    assert.ok(byTitle.length >= 10, 'enough recordings with names of their own');
    const bytes = report(byTitle, byWorkNumber);
    const outcome = await ingestReportSource(
      { store, actor: 'tester', clock: () => '2026-01-01T00:00:00.000Z' },
      { name: `DSR_${recipient}_${sender}_Premium_2025-01_FR_1of1_20250201T000000.tsv`, chunks: (async function* () { yield bytes; })() },
    );
    assert.equal(outcome.outcome, 'staged', JSON.stringify(outcome.errors));
    const rows = await store.db.selectFrom('usage_matches').select(['dsp_resource_id', 'status', 'method', 'recording_id', 'work_id', 'confidence']).execute();
    const by = new Map(rows.map((row) => [row.dsp_resource_id, row]));
    assert.equal(rows.length, byTitle.length + byWorkNumber.length);
    for (const i of byTitle) {
      const id = String(i).padStart(8, '0');
      assert.deepEqual({ ...by.get(`T${i}`), confidence: Number(by.get(`T${i}`)!.confidence) }, {
        dsp_resource_id: `T${i}`, status: 'matched', method: 'title-artist', recording_id: `GR${id}`, work_id: `GW${id}`, confidence: 10000,
      });
    }
    for (const i of byWorkNumber) {
      const id = String(i).padStart(8, '0');
      const row = by.get(`N${i}`)!;
      assert.deepEqual([row.status, row.method, row.recording_id, row.work_id, Number(row.confidence)], ['matched', 'work-number', `GR${id}`, `GW${id}`, 9800]);
    }
  });
});
