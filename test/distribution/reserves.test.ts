import assert from 'node:assert/strict';
import { listBalances } from '../../src/distribution/use-cases/balances.js';
import { distributePeriod } from '../../src/distribution/use-cases/distribute-period.js';
import { setFxRate } from '../../src/distribution/use-cases/fx-rates.js';
import { releaseMarketShare } from '../../src/distribution/use-cases/release-market-share.js';
import { claimReserve, decideClaim, listClaims, listReserves } from '../../src/distribution/use-cases/reserves.js';
import type { RegistryContext } from '../../src/registry/use-cases/registry-context.js';
import type { Store } from '../../src/store/index.js';
import { describeEachEngine, test } from '../support/engines.js';
import { ingest, januaryReport, licenseDsp, setUpCmo } from './distribution-setup.js';

async function distributedJanuary(store: Store): Promise<RegistryContext> {
  const context = await setUpCmo(store);
  await licenseDsp(context);
  await ingest(context, januaryReport());
  await distributePeriod(context, { period: '2025-01' });
  return context;
}

function total(holdings: readonly { amount_micros: string }[]): bigint {
  return holdings.reduce((sum, h) => sum + BigInt(h.amount_micros), 0n);
}

async function ledgerOf(store: Store, runId: string) {
  return store.db.selectFrom('ledger_entries').selectAll().where('run_id', '=', runId).execute();
}

async function partyBalance(context: RegistryContext, partyId: string): Promise<bigint> {
  return BigInt((await listBalances(context, partyId))[0]?.amount_micros ?? '0');
}

describeEachEngine('reserves and claims', (open) => {
  test('an approved claim moves exactly the claimed amount from the reserve to the party on the ledger, in the next run', async () => {
    const store = await open();
    const context = await distributedJanuary(store);
    const nonMember = await listReserves(context, 'non_member');
    assert.ok(nonMember.length > 0, 'the demo catalogue has a non-member share');
    const share = nonMember[0];
    const heldBefore = total(nonMember);
    const balanceBefore = await partyBalance(context, share.party_id!);
    const claim = await claimReserve(context, { reserve: 'non-member', party: share.party_id!, shareParty: share.party_id!, amount: '0.000123', evidence: 'membership signed 2025-02-01' });
    assert.equal(claim.status, 'pending');
    assert.equal(claim.amount_micros, '123');
    await decideClaim({ ...context, actor: 'staff' }, claim.claim_id, 'approved');
    assert.equal(total((await listReserves(context, 'non_member')).map((h) => ({ amount_micros: h.claimable_micros }))), heldBefore - 123n, 'approved money is no longer claimable');
    const outcome = await distributePeriod(context, { period: '2025-01' });
    assert.equal(outcome.runId, null);
    assert.ok(outcome.claimsRunId);
    const entries = await ledgerOf(store, outcome.claimsRunId!);
    assert.equal(entries.filter((e) => e.account_kind === 'reserve' && e.account_id === 'non_member').reduce((s, e) => s + BigInt(e.amount_micros), 0n), -123n);
    assert.equal(entries.filter((e) => e.account_kind === 'party' && e.account_id === share.party_id).reduce((s, e) => s + BigInt(e.amount_micros), 0n), 123n);
    assert.equal(entries.length, entries.filter((e) => (e.account_kind === 'reserve' && e.account_id === 'non_member') || (e.account_kind === 'party' && e.account_id === share.party_id)).length);
    assert.equal(total(await listReserves(context, 'non_member')), heldBefore - 123n);
    assert.equal(await partyBalance(context, share.party_id!), balanceBefore + 123n);
    const [paid] = await listClaims(context, 'paid');
    assert.deepEqual([paid.claim_id, paid.paid_run_id, paid.paid_micros], [claim.claim_id, outcome.claimsRunId, '123']);
    await assert.rejects(distributePeriod(context, { period: '2025-01' }), { code: 'CLEF_DISTRIBUTION_ALREADY_DISTRIBUTED' }, 'a paid claim is paid once');
  });

  test('a rejected or unapproved claim moves nothing, and a claim for more than the reserve holds is refused', async () => {
    const store = await open();
    const context = await distributedJanuary(store);
    const [unmatched] = await listReserves(context, 'unmatched');
    const held = BigInt(unmatched.amount_micros);
    const someone = (await listReserves(context, 'non_member'))[0].party_id!;
    const rejected = await claimReserve(context, { reserve: 'unmatched', party: someone, poolId: unmatched.pool_id, right: unmatched.right!, evidence: 'ISRC QMZZZ2500001 is ours' });
    assert.equal(BigInt(rejected.amount_micros), held, 'a claim without an amount asks for all it reaches');
    await decideClaim(context, rejected.claim_id, 'rejected');
    await assert.rejects(decideClaim({ ...context, actor: 'staff' }, rejected.claim_id, 'approved'), { code: 'CLEF_DISTRIBUTION_CLAIM_INVALID' });
    await claimReserve(context, { reserve: 'unmatched', party: someone, amount: '0.000001', evidence: 'pending' });
    await assert.rejects(claimReserve(context, { reserve: 'unmatched', party: someone, poolId: unmatched.pool_id, right: unmatched.right!, amount: String(Number(held) / 1e6 + 1), evidence: 'too much' }), { code: 'CLEF_DISTRIBUTION_CLAIM_INVALID' });
    const balance = await partyBalance(context, someone);
    await assert.rejects(distributePeriod(context, { period: '2025-01' }), { code: 'CLEF_DISTRIBUTION_ALREADY_DISTRIBUTED' });
    assert.deepEqual((await listReserves(context, 'unmatched'))[0], unmatched);
    assert.equal(await partyBalance(context, someone), balance);
    assert.deepEqual((await listClaims(context)).map((c) => c.status), ['rejected', 'pending']);
  });

  test('a market-share release reconciles to the micro-unit and leaves nothing younger than the holding period released', async () => {
    const store = await open();
    const context = await distributedJanuary(store);
    await setFxRate(context, { from: 'EUR', to: 'CNY', period: '2026-06', rate: '7.9' });
    await ingest(context, { ...januaryReport(), month: '2026-06' });
    await distributePeriod(context, { period: '2026-06' });
    const before = await listReserves(context, 'unmatched');
    assert.deepEqual([...new Set(before.map((h) => h.period))], ['2025-01', '2026-06']);
    const inPeriod = (holdings: typeof before, period: string): bigint => total(holdings.filter((h) => h.period === period));
    const tooEarly = await releaseMarketShare(context, { asOf: '2028-01-30' });
    assert.deepEqual(tooEarly, { releasedThrough: '2024-12', runs: [], unweighted: [] });
    const release = await releaseMarketShare(context, { asOf: '2028-01-31' });
    assert.equal(release.releasedThrough, '2025-01');
    assert.equal(release.runs.length, 1);
    const [run] = release.runs;
    assert.equal(run.period, '2025-01');
    const held = inPeriod(before, '2025-01');
    assert.deepEqual(run.released.map((r) => BigInt(r.amount_micros)), [held]);
    const entries = await ledgerOf(store, run.run_id);
    assert.equal(entries.reduce((s, e) => s + BigInt(e.amount_micros), 0n), 0n, 'a release moves money, it makes none');
    const credits = entries.filter((e) => e.account_kind === 'party' || e.account_kind === 'society');
    assert.equal(credits.reduce((s, e) => s + BigInt(e.amount_micros), 0n), held);
    const after = await listReserves(context, 'unmatched');
    assert.deepEqual(after, before.filter((h) => h.period === '2026-06'));
    const paid = await store.db.selectFrom('ledger_entries as e').innerJoin('distribution_runs as r', 'r.run_id', 'e.run_id')
      .select(['e.pool_id', 'e.account_kind', 'e.account_id', 'e.party_id', 'e.work_id', 'e.right_code', 'e.amount_micros'])
      .where('r.period', '=', '2025-01').where('r.kind', '=', 'distribution').where('e.account_kind', 'in', ['party', 'society']).execute();
    const paidTotal = paid.reduce((s, e) => s + BigInt(e.amount_micros), 0n);
    for (const credit of credits) {
      const weight = paid.filter((p) => p.pool_id === credit.pool_id && p.account_id === credit.account_id && p.party_id === credit.party_id && p.work_id === credit.work_id && p.right_code === credit.right_code)
        .reduce((s, p) => s + BigInt(p.amount_micros), 0n);
      const exact = held * weight;
      const got = BigInt(credit.amount_micros) * paidTotal;
      assert.ok(got - exact < paidTotal && exact - got < paidTotal, `${credit.account_id} gets its market share to within one micro-unit`);
    }
    assert.deepEqual((await releaseMarketShare(context, { asOf: '2028-01-31' })).runs, [], 'released money is not released twice');
  });
});
