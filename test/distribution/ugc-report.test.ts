import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { distributePeriod } from '../../src/distribution/use-cases/distribute-period.js';
import { setDspLicence } from '../../src/distribution/use-cases/dsp-licences.js';
import { setFxRate } from '../../src/distribution/use-cases/fx-rates.js';
import { showRun } from '../../src/distribution/use-cases/run-figures.js';
import { buildStatements } from '../../src/distribution/use-cases/write-statements.js';
import type { RegistryContext } from '../../src/registry/use-cases/registry-context.js';
import type { Store } from '../../src/store/index.js';
import { ingestReportSource } from '../../src/usage/use-cases/ingest-report.js';
import { matchManually } from '../../src/usage/use-cases/worklists.js';
import { describeEachEngine, test } from '../support/engines.js';
import { fixturePath } from '../support/repo-paths.js';
import { reportSource } from './basic-audio-report.js';
import { setUpCmo } from './distribution-setup.js';

const fixture = fixturePath('dsr', 'DSR_TEST_YouTube_AdSupport-music_2015-Q4_IS_1of1_20160121T150926.tsv');
const youTube = 'PADPIDA2013020802I';

/** Micro-units of a decimal amount, read from the report's own text. */
function micros(amount: string): bigint {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
}

/** The AllocatedAmounts of the fixture's LI01 lines of a rights controller. */
function allocatedOf(text: string, controller: string): bigint[] {
  return text.split('\n').filter((l) => l.startsWith('LI01') && l.split('\t')[3] === controller).map((l) => micros(l.split('\t')[9]));
}

async function ugcCmo(store: Store, text: string, rightsController?: string): Promise<RegistryContext> {
  const context = await setUpCmo(store);
  await setFxRate(context, { from: 'USD', to: 'CNY', period: '2015-12', rate: '7' });
  await setDspLicence(context, { dpid: youTube, rate: '0.12', rightsController });
  const outcome = await ingestReportSource(context, reportSource({ name: basename(fixture), text }));
  assert.equal(outcome.outcome, 'staged');
  // This Bitter Earth (block 3, where SOC_1's lines are) matched by hand to a catalogue recording with member writers.
  await matchManually(context, `${youTube}:XMhY7hsbhs4`, { recordingId: 'R00000001', workId: null });
  return context;
}

describeEachEngine('UGC reports', (open) => {
  test('pay the CMO\'s rights controller\'s LI01 amounts, keyed by summary, controller and rights type, and ignore other controllers\' lines', async () => {
    const store = await open();
    const text = readFileSync(fixture, 'utf8');
    const context = await ugcCmo(store, text, 'SOC_1');
    const { runId, skipped } = await distributePeriod(context, { period: '2015-12' });
    assert.deepEqual(skipped, []);
    const pools = await store.db.selectFrom('distribution_pools').selectAll().where('run_id', '=', runId!).execute();
    const own = allocatedOf(text, 'SOC_1');
    assert.equal(own.length, 2);
    assert.deepEqual(pools.map((p) => [p.pool_id, p.basis, BigInt(p.amount_micros)]), [['1/1/PerformingRight', 'allocated', (own[0] + own[1]) * 7n]]);
    const figures = await showRun(context, runId!);
    const reserves = Object.values(figures.reserves).reduce((s, v) => s + BigInt(v), 0n);
    assert.equal(BigInt(figures.commission_micros) + BigInt(figures.allocated_micros) + reserves, BigInt(figures.money_in_micros));
    assert.equal(figures.match_rate.lines, 1, 'both of the CMO\'s lines follow the matched resource');
    const ledger = await store.db.selectFrom('ledger_entries').select(['right_code']).where('run_id', '=', runId!).where('right_code', 'is not', null).execute();
    assert.deepEqual([...new Set(ledger.map((e) => e.right_code))], ['PR'], 'the summary\'s RightsType PerformingRight takes the whole value');
    // The members joined from 2019 on: in 2015 their shares wait in the non-member reserve; the sister society's writer is paid.
    assert.deepEqual(figures.parties, []);
    assert.ok(BigInt(figures.reserves.non_member_micros) > 0n);
    const [sister] = await buildStatements(context, runId!);
    assert.equal(sister.payee.id, '058');
    assert.deepEqual(sister.lines.map((l) => [l.right, l.usages, l.source.summary_record_id]), [['PR', '262', '1']], 'U2 (4) and U3 (258) behind the line');
    assert.equal(sister.totals.amount_micros, figures.sister_societies[0].amount_micros);
  });

  test('send an LI01 with the conflict keyword to the disputed reserve', async () => {
    const store = await open();
    const original = readFileSync(fixture, 'utf8');
    const text = original.replace('LI01.01\t3\t1\tPUB_3\t\t\t1.0000\tPerformingRight\t0.0\t11.49', 'LI01.01\t3\t1\tconflict\t\t\t1.0000\tPerformingRight\t0.0\t11.49');
    assert.notEqual(text, original);
    const context = await ugcCmo(store, text, 'SOC_1');
    const { runId } = await distributePeriod(context, { period: '2015-12' });
    const figures = await showRun(context, runId!);
    const own = allocatedOf(text, 'SOC_1').reduce((s, a) => s + a, 0n);
    const conflict = allocatedOf(text, 'conflict')[0];
    assert.equal(BigInt(figures.money_in_micros), (own + conflict) * 7n);
    const rest = BigInt(figures.money_in_micros) - BigInt(figures.commission_micros);
    const exact = rest * conflict;
    const disputed = BigInt(figures.reserves.disputed_micros) * (own + conflict);
    assert.ok(disputed - exact < own + conflict && exact - disputed < own + conflict, 'the conflict line\'s share of the pool, to the micro-unit');
  });

  test('skip a UGC report while the licence names no rights controller, naming the option', async () => {
    const store = await open();
    const context = await ugcCmo(store, readFileSync(fixture, 'utf8'));
    const { runId, skipped } = await distributePeriod(context, { period: '2015-12' });
    assert.equal(runId, null);
    assert.match(skipped[0].reason, /--rights-controller/);
  });
});
