import assert from 'node:assert/strict';
import { distributePeriod } from '../../src/distribution/use-cases/distribute-period.js';
import { setDspLicence } from '../../src/distribution/use-cases/dsp-licences.js';
import { importWorksCsv } from '../../src/registry/use-cases/import-works-csv.js';
import type { Store } from '../../src/store/index.js';
import { writeWorksCsv } from '../registry/registry-fixtures.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import type { BlockSpec, ReportSpec } from './basic-audio-report.js';
import { dsp, ingest, licenseDsp, setUpCmo } from './distribution-setup.js';

const harbourLights = 'T3452468398';
const cafe = 'T3452468263';
const unknownIswc = 'T0702472794';

/** One summary of 100 usages and 100.00 EUR (93.75 CNY at the tests' rate: 79.6875 after 15 % commission), performing right only. */
function report(blocks: readonly BlockSpec[], territory = 'FR', summaryTerritory?: string, netRevenue = '100.00'): ReportSpec {
  return {
    sender: dsp, recipient: 'PADPIDA2025010101C', month: '2025-01', territory, currency: 'EUR', ...(summaryTerritory ? { summaryTerritory } : {}),
    summaries: [{ id: '1', commercialModel: 'SubscriptionModel', usages: 100, subscribers: 10, netRevenue }],
    blocks,
  };
}

async function workId(store: Store, iswc: string): Promise<string> {
  return (await store.db.selectFrom('work_iswcs').select('work_id').where('iswc', '=', iswc).executeTakeFirstOrThrow()).work_id;
}

/** What a run booked, summed by account and by work. */
async function booked(store: Store, runId: string) {
  const entries = await store.db.selectFrom('ledger_entries').selectAll().where('run_id', '=', runId).execute();
  const sum = (pick: (e: (typeof entries)[number]) => boolean) => entries.filter(pick).reduce((t, e) => t + BigInt(e.amount_micros), 0n);
  return { entries, sum, total: sum(() => true) };
}

const medley = (parts: readonly { title: string; iswc: string }[]): BlockSpec => ({
  isrc: '', title: parts.map((p) => p.title).join(' / '), artist: 'The Medley Band', summaryId: '1', streams: 100, resourceId: 'MEDLEY1', works: parts,
});

describeEachEngine('medleys and multi-territory summaries', (open) => {
  test('a medley divides its value equally between its works, each paid by its own shares, to the micro-unit', async () => {
    const store = await open();
    const context = await setUpCmo(store);
    await licenseDsp(context);
    await ingest(context, report([medley([{ title: 'Harbour Lights', iswc: harbourLights }, { title: 'The Cafe on Nanjing Road', iswc: cafe }])]));
    const parts = await store.db.selectFrom('usage_medley_parts').select(['part', 'work_id', 'method']).orderBy('part').execute();
    assert.deepEqual(parts.map((p) => [p.part, p.work_id, p.method]), [[0, await workId(store, harbourLights), 'iswc'], [1, await workId(store, cafe), 'iswc']]);
    const { runId } = await distributePeriod(context, { period: '2025-01' });
    const { sum, total } = await booked(store, runId!);
    assert.equal(total, 93_750_000n);
    assert.equal(sum((e) => e.work_id === (parts[0].work_id as string)), 39_843_750n);
    assert.equal(sum((e) => e.work_id === (parts[1].work_id as string)), 39_843_750n);
    assert.equal(sum((e) => e.account_kind === 'reserve'), 0n, 'nothing of the medley is held');
  });

  test('a medley whose recording the registry links to its works is paid by those, not by the report\'s list; a guarded part names the reason on the worklist', async () => {
    const store = await open();
    const context = await setUpCmo(store);
    await licenseDsp(context);
    await ingest(context, report([
      { ...medley([{ title: 'Harbour Lights', iswc: harbourLights }, { title: 'The Cafe on Nanjing Road', iswc: cafe }]), isrc: 'CNA1M2600004', resourceId: 'MEDLEY-ISRC' },
      { isrc: '', title: 'Two Songs', artist: 'Nobody', summaryId: '1', streams: 0, resourceId: 'MEDLEY-GUARDED', works: [{ title: 'Completely Different', proprietaryId: 'clef::W00000004' }, { title: 'Another One', proprietaryId: 'myns::1' }] },
    ]));
    const { runId } = await distributePeriod(context, { period: '2025-01' });
    const { sum } = await booked(store, runId!);
    const harbour = await workId(store, harbourLights);
    assert.equal(sum((e) => e.work_id === harbour), 79_687_500n, 'the recording\'s linked work takes the whole value');
    const cafeWork = await workId(store, cafe);
    assert.equal(sum((e) => e.work_id === cafeWork), 0n);
    const guarded = await store.db.selectFrom('usage_matches').select(['status', 'note']).where('dsp_resource_id', '=', 'MEDLEY-GUARDED').executeTakeFirstOrThrow();
    assert.equal(guarded.status, 'unmatched');
    assert.match(guarded.note ?? '', /^clef::W00000004 names W00000004, set aside: the report's title "completely different"/);
  });

  test('a medley part nobody identified keeps its equal share in the unidentified-work reserve; the remainder goes to the works by id', async () => {
    const store = await open();
    const context = await setUpCmo(store);
    await licenseDsp(context);
    await ingest(context, report([medley([{ title: 'The Cafe on Nanjing Road', iswc: cafe }, { title: 'Somebody Else\'s Song', iswc: unknownIswc }, { title: 'Harbour Lights', iswc: harbourLights }])], 'FR', undefined, '100.01'));
    const { runId } = await distributePeriod(context, { period: '2025-01' });
    const { sum, total } = await booked(store, runId!);
    const [first, second] = [await workId(store, harbourLights), await workId(store, cafe)].sort();
    const rest = total - sum((e) => e.account_kind === 'commission');
    const [a, b, unidentified] = [sum((e) => e.work_id === first), sum((e) => e.work_id === second), sum((e) => e.account_id === 'unidentified_work')];
    assert.equal(a + b + unidentified, rest, 'the medley reconciles to the micro-unit');
    assert.ok(a >= b && a - b <= 1n && b >= unidentified && b - unidentified <= 1n, `${a} ${b} ${unidentified}`);
    assert.notEqual(rest % 3n, 0n, 'the amount leaves a remainder to place');
  });

  test('a Worldwide summary is resolved through the licence\'s territories instead of falling into the undocumented reserve', async () => {
    const store = await open();
    const context = await setUpCmo(store);
    // LI Wei collects 50 % everywhere; ZHANG Min's 50 % is collected in China only, so no one share cell speaks for the World.
    const row = ['SPLIT-1', 'Split by Territory', 'T9109247316', 'human', 'human', 'human', 'CA', '00012345036', '"LI, Wei"', '50', '50', '50', '', 'CA', '00012345722', '"ZHANG, Min"', '50', '50', '50', 'I0156', 'CNA1M2600077', 'Split by Territory', 'Li Wei'].join(',');
    await importWorksCsv(context, writeWorksCsv(tempDir(), 'split.csv', [row]), { submitter: { kind: 'cmo', societyCode: '119' } });
    await licenseDsp(context);
    await ingest(context, report([{ isrc: 'CNA1M2600077', title: 'Split by Territory', artist: 'Li Wei', summaryId: '1', streams: 100 }], 'Worldwide', 'Worldwide'));
    const { runId } = await distributePeriod(context, { period: '2025-01' });
    const { sum } = await booked(store, runId!);
    assert.equal(sum((e) => e.account_id === 'undocumented_share'), 0n);
    // In the CMO's own country (China, society 119) both writers collect: half each of 79.6875 CNY.
    const li = (await store.db.selectFrom('party_ipi_names').select('party_id').where('ipi_name_number', '=', '00012345036').executeTakeFirstOrThrow()).party_id;
    const zhang = (await store.db.selectFrom('party_ipi_names').select('party_id').where('ipi_name_number', '=', '00012345722').executeTakeFirstOrThrow()).party_id;
    assert.deepEqual([sum((e) => e.account_id === li), sum((e) => e.account_id === zhang)], [39_843_750n, 39_843_750n]);
  });

  test('a Worldwide summary under a licence for one country is that country\'s usage', async () => {
    const store = await open();
    const context = await setUpCmo(store);
    await setDspLicence(context, { dpid: dsp, rate: '0.12', territories: '156' });
    await ingest(context, report([{ isrc: 'CNA1M2600004', title: 'Harbour Lights', artist: 'Tom Harris', summaryId: '1', streams: 100 }], 'Worldwide', 'Worldwide'));
    const { runId } = await distributePeriod(context, { period: '2025-01' });
    assert.ok(runId, 'the licence for China covers the Worldwide summary');
    const pool = await store.db.selectFrom('distribution_pools').selectAll().where('run_id', '=', runId!).executeTakeFirstOrThrow();
    assert.equal(pool.amount_micros, 93_750_000n);
    const { sum } = await booked(store, runId!);
    assert.equal(sum((e) => e.account_kind === 'reserve'), 0n);
    assert.equal(sum((e) => e.account_kind === 'party' || e.account_kind === 'society'), 79_687_500n, 'Starlight and Tom Harris\'s society are paid the whole value after commission');
  });
});
