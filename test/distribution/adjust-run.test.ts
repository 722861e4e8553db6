import assert from 'node:assert/strict';
import { adjustRun } from '../../src/distribution/use-cases/adjust-run.js';
import { listBalances } from '../../src/distribution/use-cases/balances.js';
import { distributePeriod } from '../../src/distribution/use-cases/distribute-period.js';
import { showRun } from '../../src/distribution/use-cases/run-figures.js';
import { matchManually } from '../../src/usage/use-cases/worklists.js';
import { describeEachEngine, test } from '../support/engines.js';
import { dsp, ingest, januaryBlocks, januaryReport, licenseDsp, setUpCmo } from './distribution-setup.js';

function reservesTotal(figures: Awaited<ReturnType<typeof showRun>>): bigint {
  return Object.values(figures.reserves).reduce((sum, v) => sum + BigInt(v), 0n);
}

describeEachEngine('adjustment runs', (open) => {
  test('book nothing after no change', async () => {
    const context = await setUpCmo(await open());
    await licenseDsp(context);
    await ingest(context, januaryReport());
    const { runId } = await distributePeriod(context, { period: '2025-01' });
    assert.deepEqual(await adjustRun(context, runId!), { runId: null, skipped: [] });
  });

  test('move only the difference a manual match makes, from the unmatched reserve to the work\'s parties', async () => {
    const store = await open();
    const context = await setUpCmo(store);
    await licenseDsp(context);
    await ingest(context, januaryReport());
    const { runId } = await distributePeriod(context, { period: '2025-01' });
    const before = await showRun(context, runId!);
    await matchManually(context, `${dsp}:RESQMZZZ2500001`, { recordingId: 'R00000003', workId: null });
    const adjustment = await adjustRun(context, runId!);
    assert.ok(adjustment.runId);
    const figures = await showRun(context, adjustment.runId!);
    assert.equal(figures.money_in_micros, '0');
    assert.equal(figures.commission_micros, '0');
    assert.equal(BigInt(figures.reserves.unmatched_micros), -BigInt(before.reserves.unmatched_micros));
    assert.equal(BigInt(figures.allocated_micros) + reservesTotal(figures), 0n);
    const chen = figures.parties.find((p) => p.ipi_name_numbers.includes('00012346425'))!;
    assert.equal(BigInt(chen.amount_micros), BigInt(before.reserves.unmatched_micros));
    const balance = (await listBalances(context, '00012346425'))[0];
    assert.equal(BigInt(balance.amount_micros), before.parties.filter((p) => p.ipi_name_numbers.includes('00012346425')).reduce((s, p) => s + BigInt(p.amount_micros), 0n) + BigInt(chen.amount_micros));
    assert.deepEqual(await adjustRun(context, runId!), { runId: null, skipped: [] }, 'a second adjustment finds nothing left to move');
  });

  test('reverse a replaced report\'s pools and book its corrected resend, which a plain run leaves to --adjust', async () => {
    const store = await open();
    const context = await setUpCmo(store);
    await licenseDsp(context);
    await ingest(context, januaryReport());
    const { runId } = await distributePeriod(context, { period: '2025-01' });
    const corrected = januaryReport(januaryBlocks.map((b) => (b.isrc === 'CNA1M2600002' ? { ...b, streams: 2000 } : b)), 2);
    await ingest(context, corrected, `${dsp}-2025-01-1`);
    const plain = await distributePeriod(context, { period: '2025-01' });
    assert.equal(plain.runId, null);
    assert.match(plain.skipped[0].reason, new RegExp(`clef distribute --adjust ${runId}`));
    const adjustment = await adjustRun(context, runId!);
    const pools = await store.db.selectFrom('distribution_pools').selectAll().where('run_id', '=', adjustment.runId!).orderBy('pool_id').execute();
    assert.deepEqual(pools.map((p) => [p.pool_id, p.basis]), [['1/1', 'reversed'], ['1/2', 'reversed'], ['2/1', 'rate'], ['2/2', 'rate']]);
    assert.equal(pools.reduce((sum, p) => sum + BigInt(p.amount_micros), 0n), 0n, 'same revenue, same pools: the money only moves');
  });
});
