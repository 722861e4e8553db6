import assert from 'node:assert/strict';
import { distributePeriod } from '../../src/distribution/use-cases/distribute-period.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { traceStatementLine } from '../../src/distribution/use-cases/trace-statement-line.js';
import { buildStatements, writeStatements } from '../../src/distribution/use-cases/write-statements.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { setDspLicence } from '../../src/distribution/use-cases/dsp-licences.js';
import { dsp, ingest, januaryBlocks, januaryReport, licenseDsp, setUpCmo } from './distribution-setup.js';

const ledgers = new Map<string, string>();
const statementTexts = new Map<string, string>();

function readStatementFiles(dir: string): string {
  return readdirSync(dir).sort().map((name) => `${name}\n${readFileSync(join(dir, name), 'utf8')}`).join('\n');
}

describeEachEngine('distributing a month', (open, engine) => {
  test('books every pool exactly: commission, allocations and reserves add up to the pools', async () => {
    const store = await open();
    const context = await setUpCmo(store);
    await licenseDsp(context);
    await ingest(context, januaryReport());
    const outcome = await distributePeriod(context, { period: '2025-01' });
    assert.ok(outcome.runId);
    assert.deepEqual(outcome.skipped, []);
    const pools = await store.db.selectFrom('distribution_pools').selectAll().where('run_id', '=', outcome.runId).execute();
    assert.equal(pools.length, 2);
    const entries = await store.db.selectFrom('ledger_entries').selectAll().where('run_id', '=', outcome.runId).orderBy('entry_seq').execute();
    for (const pool of pools) {
      const booked = entries.filter((e) => e.pool_id === pool.pool_id).reduce((sum, e) => sum + BigInt(e.amount_micros), 0n);
      assert.equal(booked, BigInt(pool.amount_micros));
    }
    const run = await store.db.selectFrom('distribution_runs').selectAll().where('run_id', '=', outcome.runId).executeTakeFirstOrThrow();
    assert.equal(BigInt(run.money_in_micros), pools.reduce((sum, p) => sum + BigInt(p.amount_micros), 0n));
    const out = tempDir();
    const files = await writeStatements(context, outcome.runId, out);
    assert.ok(files.includes('RUN00000001-society-058.csv'));
    statementTexts.set(engine, readStatementFiles(out));
    const again = tempDir();
    await writeStatements(context, outcome.runId, again);
    assert.equal(readStatementFiles(again), statementTexts.get(engine), 'the same run writes the same bytes');
    ledgers.set(engine, JSON.stringify(entries.map((e) => [e.pool_id, e.account_kind, e.account_id, e.party_id, e.work_id, e.right_code, String(e.amount_micros), String(e.usages)])));
  });

  test('traces a statement line back to the report line behind it, and reordering the report changes no statement', async () => {
    const first = await setUpCmo(await open());
    await licenseDsp(first);
    await ingest(first, januaryReport());
    const { runId } = await distributePeriod(first, { period: '2025-01' });
    const statements = await buildStatements(first, runId!);
    const li = statements.find((s) => s.payee.ipi_name_numbers.includes('00012345036'))!;
    const river = li.lines.find((l) => l.title === 'River of Stars' && l.right === 'PR')!;
    const traced = await traceStatementLine(first, river.line_id);
    // HEAD, two SY02.02, then River of Stars' AS01.01 on line 4 and its SU02 on line 5.
    assert.deepEqual(traced.map((t) => [t.line, t.sales_transaction_id, t.usages]), [[5, 'TCNA1M2600001', '4001']]);
    const reversed = await setUpCmo(await open());
    await licenseDsp(reversed);
    await ingest(reversed, januaryReport([...januaryBlocks].reverse()));
    const other = await distributePeriod(reversed, { period: '2025-01' });
    assert.deepEqual(await buildStatements(reversed, other.runId!), statements);
  });

  test('leaves out a report from a DSP with no licence and names the command that sets one', async () => {
    const context = await setUpCmo(await open());
    await ingest(context, januaryReport());
    const outcome = await distributePeriod(context, { period: '2025-01' });
    assert.equal(outcome.runId, null);
    assert.equal(outcome.skipped.length, 1);
    assert.match(outcome.skipped[0].reason, /clef dsps licence set PADPIDA2011072101T --rate/);
  });

  test('gives the whole value to performing rights under a licence for PR alone, and nothing outside its territories', async () => {
    const store = await open();
    const context = await setUpCmo(store);
    await setDspLicence(context, { dpid: dsp, rate: '0.12', rights: 'PR', commercialModel: 'SubscriptionModel' });
    await setDspLicence(context, { dpid: dsp, rate: '0.10', commercialModel: 'AdvertisementSupportedModel', territories: '2136 E0250' });
    await ingest(context, januaryReport());
    const { runId } = await distributePeriod(context, { period: '2025-01' });
    const entries = await store.db.selectFrom('ledger_entries').selectAll().where('run_id', '=', runId!).execute();
    assert.deepEqual([...new Set(entries.map((e) => e.pool_id))], ['1/1']);
    assert.deepEqual([...new Set(entries.map((e) => e.right_code))].sort(), ['PR', null].sort());
  });
});

test('both engines book the same ledger and write byte-identical statements', { skip: !process.env.CLEF_TEST_POSTGRES_URL && process.env.CI !== 'true' && 'CLEF_TEST_POSTGRES_URL not set' }, () => {
  assert.equal(ledgers.size, 2, 'both engines ran the suite');
  assert.equal(ledgers.get('duckdb'), ledgers.get('postgres'));
  assert.equal(statementTexts.get('duckdb'), statementTexts.get('postgres'));
});
