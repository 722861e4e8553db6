import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { distributeAi } from '../../src/ai/use-cases/distribute-ai.js';
import { importDeclaration } from '../../src/ai/use-cases/import-declaration.js';
import { addRevenue } from '../../src/ai/use-cases/revenue-reports.js';
import { listRuns, showRun } from '../../src/distribution/use-cases/run-figures.js';
import { claimReserve, decideClaim, listReserves } from '../../src/distribution/use-cases/reserves.js';
import { buildStatements } from '../../src/distribution/use-cases/write-statements.js';
import { traceStatementLine } from '../../src/distribution/use-cases/trace-statement-line.js';
import { traceAiStatementLine } from '../../src/ai/use-cases/trace-ai-line.js';
import { isClefError } from '../../src/errors/index.js';
import type { Store } from '../../src/store/index.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { setUpAiLicence, writeManifest } from './ai-setup.js';

async function ledger(store: Store, runId: string) {
  return (await store.db.selectFrom('ledger_entries').selectAll().where('run_id', '=', runId).orderBy('entry_seq').execute()).map((e) => ({ ...e, amount_micros: BigInt(e.amount_micros) }));
}

async function declaredAndReported(store: Store) {
  const context = await setUpAiLicence(store);
  const dir = tempDir();
  await importDeclaration(context, { file: writeManifest(dir), licenceId: context.licenceId, trainingDate: '2026-02-01' });
  const attribution = join(dir, 'attribution.json');
  writeFileSync(attribution, JSON.stringify({ period: '2026-01', total: '1', weights: [{ isrc: 'CNA1M2600001', weight: '0.75' }, { work_id: 'W00000002', weight: '0.25' }] }));
  await addRevenue(context, { licenceId: context.licenceId, period: '2026-01', net: '20000', outputRevenue: '3000', attributionFile: attribution });
  return { context, dir };
}

describeEachEngine('AI remuneration runs', (open) => {
  test('an AI run reconciles every pool to the micro-unit, pays members, holds non-members in escrow and leaves reserved works out', async () => {
    const store = await open();
    const { context } = await declaredAndReported(store);
    const outcome = await distributeAi(context, { licenceId: context.licenceId, period: '2026-01' });
    assert.deepEqual(outcome.pools, { training_fee: '10000000000', revenue_share: '6000000000', output_use: '300000000' });
    assert.equal(outcome.works_paid, 3);
    assert.deepEqual(outcome.enforcement.map((e) => e.work_id), ['W00000004']);
    const entries = await ledger(store, outcome.run_id);
    const pools = await store.db.selectFrom('distribution_pools').selectAll().where('run_id', '=', outcome.run_id).orderBy('pool_id').execute();
    assert.deepEqual(pools.map((p) => [p.use_type, BigInt(p.amount_micros)]), [['output_use', 300_000_000n], ['revenue_share', 6_000_000_000n], ['training_fee', 10_000_000_000n]]);
    for (const pool of pools) {
      assert.equal(entries.filter((e) => e.pool_id === pool.pool_id).reduce((s, e) => s + e.amount_micros, 0n), BigInt(pool.amount_micros), `${pool.pool_id} reconciles`);
    }
    assert.ok(entries.every((e) => e.work_id !== 'W00000004'), 'the reserved work is not paid from the licence');
    assert.ok(entries.every((e) => e.right_code === 'MR' || e.account_kind === 'commission'), 'the reproduction right is paid');
    const escrow = entries.filter((e) => e.account_id === 'ai_escrow');
    assert.ok(escrow.length > 0 && escrow.every((e) => e.work_id === 'W00000005' && e.party_id !== null), 'the non-member co-writer of Paper Lanterns is held in escrow');
    assert.ok(entries.every((e) => e.account_id !== 'non_member'));
    const run = await showRun(context, outcome.run_id);
    assert.equal(run.kind, 'ai');
    assert.equal(run.money_in_micros, '16300000000');
    const reserved = Object.values(run.reserves).reduce((s, v) => s + BigInt(v), 0n);
    const societies = run.sister_societies.reduce((s, v) => s + BigInt(v.amount_micros), 0n);
    assert.equal(BigInt(run.commission_micros) + BigInt(run.allocated_micros) + reserved, 16_300_000_000n);
    assert.equal(BigInt(run.allocated_micros), run.parties.reduce((s, p) => s + BigInt(p.amount_micros), 0n) + societies);
    assert.equal(run.reserves.ai_escrow_micros, String(escrow.reduce((s, e) => s + e.amount_micros, 0n)));
    assert.deepEqual((await listRuns(context)).map((r) => r.kind), ['ai']);
    const fee = (workId: string) => entries.filter((e) => e.pool_id.endsWith('training_fee') && e.work_id === workId && e.account_kind !== 'commission').reduce((s, e) => s + e.amount_micros, 0n);
    assert.deepEqual([fee('W00000001'), fee('W00000002'), fee('W00000005')], [2_833_333_334n, 2_833_333_333n, 2_833_333_333n], 'the fee after 15 % commission, equally per work');
    const revenue = (workId: string) => entries.filter((e) => e.pool_id.endsWith('revenue_share') && e.work_id === workId && e.account_kind !== 'commission').reduce((s, e) => s + e.amount_micros, 0n);
    // 5 100 000 000 after commission: W1 and W2 (attributed 3:1) hold 475 of 660 s of training, Paper Lanterns 185 s by analogy.
    assert.deepEqual([revenue('W00000001'), revenue('W00000002'), revenue('W00000005')], [2_752_840_909n, 917_613_636n, 1_429_545_455n]);
  });

  test('members\' statements show AI income as its own source, and the escrow is claimable through the existing claims', async () => {
    const store = await open();
    const { context } = await declaredAndReported(store);
    const { run_id: runId } = await distributeAi(context, { licenceId: context.licenceId, period: '2026-01' });
    const statements = await buildStatements(context, runId);
    const liWei = statements.find((s) => s.payee.ipi_name_numbers.includes('00012345036'))!;
    assert.equal(liWei.run.kind, 'ai');
    assert.ok(liWei.lines.length > 0);
    for (const line of liWei.lines) {
      assert.equal(line.source.commercial_model, 'AiTraining');
      assert.equal(line.source.dsp, context.licenceId);
      assert.match(line.source.use_type ?? '', /^(training_fee|revenue_share|output_use)$/);
    }
    const feeLine = liWei.lines.find((l) => l.work_id === 'W00000001' && l.source.use_type === 'training_fee')!;
    assert.deepEqual((await traceAiStatementLine(context, feeLine.line_id)).map((i) => [i.declaration_id, i.origin, i.method, i.duration_used_ms]), [['DCL00000001', 'manifest.csv:2', 'isrc', '225000']]);
    await assert.rejects(traceStatementLine(context, feeLine.line_id), (e: unknown) => isClefError(e, 'CLEF_USAGE_INVALID_ARGUMENT') && /clef ai trace/.test(e.message));
    const held = await listReserves(context, 'ai_escrow');
    assert.ok(held.length > 0 && held.every((h) => h.period === '2026-01' && h.dsp === context.licenceId));
    const nonMember = held[0].party_id!;
    const total = held.filter((h) => h.party_id === nonMember).reduce((s, h) => s + BigInt(h.amount_micros), 0n);
    const claim = await claimReserve(context, { reserve: 'ai_escrow', party: nonMember, shareParty: nonMember, evidence: 'joined the CMO on 2026-02-01' });
    assert.equal(BigInt(claim.amount_micros), total);
    await decideClaim({ ...context, actor: 'approver' }, claim.claim_id, 'approved');
    const next = await distributeAi(context, { licenceId: context.licenceId, period: '2026-02' });
    assert.ok(next.claims_run_id, 'the next run pays the approved claim');
    const paid = await ledger(store, next.claims_run_id!);
    assert.equal(paid.filter((e) => e.account_kind === 'party' && e.account_id === nonMember).reduce((s, e) => s + e.amount_micros, 0n), total);
    const februaryEscrow = (await ledger(store, next.run_id)).filter((e) => e.account_id === 'ai_escrow' && e.party_id === nonMember).reduce((s, e) => s + e.amount_micros, 0n);
    const left = (await listReserves(context, 'ai_escrow')).filter((h) => h.party_id === nonMember).reduce((s, h) => s + BigInt(h.amount_micros), 0n);
    assert.equal(left, februaryEscrow, 'only what February booked after the claim is still held');
    const february = await showRun(context, next.run_id);
    assert.equal(february.money_in_micros, '500000000', 'no revenue reported in February: the minimum guarantee, no fee');
  });

  test('revenue outside the term, attribution that does not add up, and a second run for the same month are refused with nothing written', async () => {
    const store = await open();
    const { context, dir } = await declaredAndReported(store);
    await assert.rejects(addRevenue(context, { licenceId: context.licenceId, period: '2027-01', net: '1' }), (e: unknown) => isClefError(e, 'CLEF_AI_PERIOD_OUTSIDE_TERM'));
    await assert.rejects(distributeAi(context, { licenceId: context.licenceId, period: '2025-12' }), (e: unknown) => isClefError(e, 'CLEF_AI_PERIOD_OUTSIDE_TERM'));
    const attribution = join(dir, 'bad-attribution.json');
    writeFileSync(attribution, JSON.stringify({ period: '2026-03', total: '1', weights: [{ work_id: 'W00000001', weight: '0.5' }, { work_id: 'W00000002', weight: '0.4' }] }));
    await assert.rejects(addRevenue(context, { licenceId: context.licenceId, period: '2026-03', net: '100', attributionFile: attribution }), (e: unknown) => isClefError(e, 'CLEF_AI_ATTRIBUTION_INVALID') && e.location?.file === attribution);
    writeFileSync(attribution, JSON.stringify({ period: '2026-03', total: '1', weights: [{ work_id: 'W99999999', weight: '1' }] }));
    await assert.rejects(addRevenue(context, { licenceId: context.licenceId, period: '2026-03', net: '100', attributionFile: attribution }), (e: unknown) => isClefError(e, 'CLEF_AI_ATTRIBUTION_INVALID') && e.location?.field === 'weights[0]');
    await assert.rejects(addRevenue(context, { licenceId: context.licenceId, period: '2026-01', net: '1' }), (e: unknown) => isClefError(e, 'CLEF_AI_REVENUE_DUPLICATE'));
    assert.deepEqual((await store.db.selectFrom('ai_revenue_reports').select('period').execute()).map((r) => r.period), ['2026-01']);
    await distributeAi(context, { licenceId: context.licenceId, period: '2026-01' });
    await assert.rejects(distributeAi(context, { licenceId: context.licenceId, period: '2026-01' }), (e: unknown) => isClefError(e, 'CLEF_AI_ALREADY_DISTRIBUTED'));
    assert.equal((await listRuns(context)).length, 1);
  });
});
