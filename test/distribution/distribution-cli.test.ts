import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { openStore } from '../../src/store/index.js';
import { runClef } from '../cli/run-clef.js';
import { tempDir } from '../support/temp-dir.js';
import { dsp, ingest, januaryReport, setUpCmo } from './distribution-setup.js';

async function preparedStore(): Promise<string> {
  const db = join(tempDir(), 'clef.duckdb');
  const store = await openStore(db);
  try {
    await ingest(await setUpCmo(store), januaryReport());
  } finally {
    await store.close();
  }
  return db;
}

async function clef(db: string, ...args: string[]): Promise<string> {
  const result = await runClef([...args, '--db', db]);
  assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

test('licence, fx, distribute, runs list and runs show work through the real program with the figures the issue lists', async () => {
  const db = await preparedStore();
  const refused = await runClef(['distribute', '--period', '2025-01', '--db', db]);
  assert.equal(refused.status, 0);
  assert.match(refused.stderr, /clef dsps licence set PADPIDA2011072101T --rate/);
  await clef(db, 'dsps', 'licence', 'set', dsp, '--rate', '0.12');
  await clef(db, 'fx', 'set', 'EUR', 'CNY', '2025-01', '7.8125');
  const run = JSON.parse(await clef(db, 'distribute', '--period', '2025-01', '--json')) as { run_id: string };
  const runs = JSON.parse(await clef(db, 'runs', 'list', '--json')) as Record<string, string>[];
  assert.deepEqual(runs.map((r) => Object.keys(r).sort()), [['created_at', 'kind', 'money_in_micros', 'period', 'run_id']]);
  assert.equal(runs[0].run_id, run.run_id);
  const figures = JSON.parse(await clef(db, 'runs', 'show', run.run_id, '--json'));
  assert.deepEqual(Object.keys(figures).sort(), ['allocated_micros', 'commission_micros', 'kind', 'match_rate', 'money_in_micros', 'parties', 'period', 'reserves', 'run_id', 'sister_societies']);
  assert.deepEqual(Object.keys(figures.reserves), ['unmatched_micros', 'unidentified_work_micros', 'undocumented_share_micros', 'disputed_micros', 'non_member_micros', 'ai_generated_micros', 'unreported_usage_micros', 'ai_escrow_micros']);
  const reserves = Object.values(figures.reserves as Record<string, string>).reduce((sum, v) => sum + BigInt(v), 0n);
  assert.equal(BigInt(figures.commission_micros) + BigInt(figures.allocated_micros) + reserves, BigInt(figures.money_in_micros));
  // 1234.57 EUR × 0.12 × 7.8125 + 98.76 EUR × 0.12 × 7.8125, in CNY micro-units.
  assert.equal(figures.money_in_micros, String(1_157_409_375n + 92_587_500n));
  assert.deepEqual(figures.sister_societies.map((s: { society: string }) => s.society), ['052', '058']);
  const li = figures.parties.find((p: { ipi_name_numbers: string[] }) => p.ipi_name_numbers.includes('00012345036'));
  assert.equal(li.name, 'LI, Wei');
  assert.match(li.amount_micros, /^\d+$/);
  assert.ok(figures.match_rate.lines > 0 && figures.match_rate.lines < 1);
  const again = await runClef(['distribute', '--period', '2025-01', '--json', '--db', db]);
  assert.equal(again.status, 1, 'a distributed report is not distributed twice');
  assert.match(again.stderr, new RegExp(`CLEF_DISTRIBUTION_ALREADY_DISTRIBUTED: .*${run.run_id}`));
});

test('reserves list, claim, approve and release work through the real program, and the next run pays the claim', async () => {
  const db = await preparedStore();
  await clef(db, 'dsps', 'licence', 'set', dsp, '--rate', '0.12');
  await clef(db, 'distribute', '--period', '2025-01');
  const holdings = JSON.parse(await clef(db, 'reserves', 'list', 'non_member', '--json')) as { party_id: string; amount_micros: string; claimable_micros: string }[];
  assert.ok(holdings.length > 0 && holdings.every((h) => h.amount_micros === h.claimable_micros));
  const claim = JSON.parse(await clef(db, 'reserves', 'claim', 'non_member', '--party', holdings[0].party_id, '--amount', '0.5', '--evidence', 'signed up', '--json'));
  assert.equal(claim.amount_micros, '500000');
  assert.equal(JSON.parse(await clef(db, 'reserves', 'approve', claim.claim_id, '--as', 'staff', '--json')).status, 'approved');
  const paid = JSON.parse(await clef(db, 'distribute', '--period', '2025-01', '--json'));
  assert.match(paid.claims_run_id, /^RUN/);
  const figures = JSON.parse(await clef(db, 'runs', 'show', paid.claims_run_id, '--json'));
  assert.equal(figures.reserves.non_member_micros, '-500000');
  assert.equal(figures.allocated_micros, '500000');
  const release = JSON.parse(await clef(db, 'reserves', 'release', '--market-share', '--as-of', '2026-01-01', '--json'));
  assert.deepEqual(release, { releasedThrough: '2022-12', runs: [], unweighted: [] });
});
