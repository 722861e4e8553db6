import assert from 'node:assert/strict';
import { importAcks } from '../../src/registry/use-cases/import-acks.js';
import { importWorksCsv } from '../../src/registry/use-cases/import-works-csv.js';
import { openStore } from '../../src/store/index.js';
import { runClef } from '../cli/run-clef.js';
import { cwrFixture } from '../cwr/cwr-test-files.js';
import type { BlockSpec, ReportSpec } from '../distribution/basic-audio-report.js';
import { dsp, ingest, setUpCmo } from '../distribution/distribution-setup.js';
import { writeWorksCsv } from '../registry/registry-fixtures.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';

/** A work sent as MK000003, which PRS's acknowledgement fixture numbers (its second ACK, by the same ISWC, last: 337739DU). */
const sentWork = ['MK000003', 'Sent Work One', '', 'human', 'human', 'human', 'CA', '00012345036', '"LI, Wei"', '100', '100', '100', '', '', '', '', '', '', '', '', '', '', ''].join(',');

const block = (resourceId: string, title: string, proprietaryId: string, writers?: string[], isrc = ''): BlockSpec => ({
  isrc, title, artist: 'Somebody', summaryId: '1', streams: 10, resourceId, works: [{ title, proprietaryId, ...(writers ? { writers } : {}) }],
});

function report(month: string, serial: number, blocks: readonly BlockSpec[]): ReportSpec {
  return { sender: dsp, recipient: 'PADPIDA2025010101C', month, territory: 'FR', currency: 'EUR', serial, summaries: [{ id: '1', commercialModel: 'SubscriptionModel', usages: 100, subscribers: 10, netRevenue: '10.00' }], blocks };
}

describeEachEngine('work numbers within their namespace, behind a title and creator guard', (_open, _engine, location) => {
  test('matches a society\'s number only with its code, a DSP\'s own id only through its earlier resources, and sends guarded matches to the worklist with the reason', async () => {
    const db = await location();
    const store = await openStore(db);
    let sent: string;
    let goldenHour: string;
    try {
      const context = await setUpCmo(store);
      await importWorksCsv(context, writeWorksCsv(tempDir(), 'sent.csv', [sentWork]), { submitter: { kind: 'cmo', societyCode: '119' } });
      await importAcks(context, cwrFixture('CW220001000_DMP.V21'));
      await ingest(context, report('2025-01', 1, [
        block('NS-PRS', 'Sent Work One', 'PRS::337739DU', ['Li Wei']),
        block('NS-SACEM', 'Sent Work One', '058::337739DU'),
        block('NS-DSP', 'Sent Work One', `${dsp}::337739DU`),
        block('NS-UNKNOWN', 'Sent Work One', 'myns::337739DU'),
        block('NS-TITLE', 'Completely Different Song', '052::337739DU'),
        block('NS-WRITER', 'Sent Work One', '052::337739DU', ['Somebody Else']),
        block('GH-ISRC', 'Golden Hour', `${dsp}::GH-1`, undefined, 'CNA1M2600007'),
      ]));
      await ingest(context, report('2025-02', 2, [block('GH-LATER', 'Golden Hour', `${dsp}::GH-1`)]));
      sent = (await store.db.selectFrom('work_society_numbers').select('work_id').where('work_number', '=', '337739DU').executeTakeFirstOrThrow()).work_id;
      goldenHour = (await store.db.selectFrom('work_iswcs').select('work_id').where('iswc', '=', 'T3452468650').executeTakeFirstOrThrow()).work_id;
      const matches = new Map((await store.db.selectFrom('usage_matches').select(['dsp_resource_id', 'status', 'method', 'work_id']).execute()).map((m) => [m.dsp_resource_id, [m.status, m.method, m.work_id]]));
      assert.deepEqual(matches.get('NS-PRS'), ['work', 'work-number', sent], 'PRS names society 052, whose number it is');
      for (const id of ['NS-SACEM', 'NS-DSP', 'NS-UNKNOWN', 'NS-TITLE', 'NS-WRITER']) assert.deepEqual(matches.get(id), ['unmatched', null, null], id);
      assert.deepEqual(matches.get('GH-ISRC'), ['matched', 'isrc', goldenHour]);
      assert.deepEqual(matches.get('GH-LATER'), ['matched', 'work-number', goldenHour], 'the DSP\'s own id, through its earlier resource');
    } finally {
      await store.close();
    }
    const result = await runClef(['usage', 'unmatched', '--period', '2025-01', '--json', '--db', db]);
    assert.equal(result.status, 0, result.stderr);
    const reasons = new Map((JSON.parse(result.stdout) as { resource: string; reason: string | null }[]).map((r) => [r.resource.split(':')[1], r.reason]));
    assert.match(reasons.get('NS-TITLE') ?? '', new RegExp(`052::337739DU names ${sent}, set aside: the report's title "completely different song" is not like`));
    assert.match(reasons.get('NS-WRITER') ?? '', /none of the report's creators \(else somebody\) is a creator of the work/);
    assert.equal(reasons.get('NS-SACEM'), null, 'a number in another society\'s namespace names no work at all');
    assert.equal(reasons.get('NS-DSP'), null);
  });
});
