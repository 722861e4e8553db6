import assert from 'node:assert/strict';
import { test } from 'node:test';
import { percentOf, readableStatement, type PayeeEntry } from './readable-statement.js';
import { statementCsvFile } from './statement-csv-file.js';
import { neutralizeCell } from './statement-cell.js';

const run = { run_id: 'RUN00000001', kind: 'distribution', period: '2025-01', currency: 'CNY', policy_version: '1', snapshot_digest: 'abc', created_at: '2026-01-01T00:00:00.000Z' };
const payee = { kind: 'member' as const, id: 'P00000001', name: 'LI, Wei', ipi_name_numbers: ['00012345036'] };

function entry(over: Partial<PayeeEntry>): PayeeEntry {
  return {
    work_id: 'W00000001', iswc: 'T3452468003', title: '星河', right_code: 'PR', pool_id: '1/1', dsp: 'PADPIDA2011072101T', summary_record_id: '1',
    commercial_model: 'SubscriptionModel', use_type: 'OnDemandStream', territory: 'FR', message_id: 'M1', period_start: '2025-01-01', period_end: '2025-01-31',
    usages: 100n, amount_micros: 1_000_000n, work_right_total_micros: 3_000_000n, ...over,
  };
}

test('a statement line shows the decimal amount, its currency, the DSP name and the payee\'s share of the work', () => {
  const s = readableStatement(run, payee, [entry({})], new Map([['PADPIDA2011072101T', 'Streamwave']]));
  assert.equal(s.lines[0].amount, '1.000000');
  assert.equal(s.lines[0].currency, 'CNY');
  assert.equal(s.lines[0].amount_micros, '1000000');
  assert.equal(s.lines[0].share_percent, '33.33');
  assert.equal(s.lines[0].source.dsp_name, 'Streamwave');
  assert.equal(s.lines[0].source.period, '2025-01-01/2025-01-31');
});

test('totals by source, territory, DSP and month add up to the statement total to the micro-unit', () => {
  const entries = [
    entry({ amount_micros: 1_234_567n }),
    entry({ work_id: 'W00000002', amount_micros: 7n, territory: 'DE', commercial_model: 'AdvertisementSupportedModel', period_start: '2025-02-01', period_end: '2025-02-28', pool_id: '2/1' }),
    entry({ right_code: 'MR', amount_micros: 333_333n, dsp: 'PADPIDA2099010101X' }),
  ];
  const s = readableStatement(run, payee, entries, new Map());
  assert.equal(s.totals.amount_micros, '1567907');
  for (const groups of [s.by_source, s.by_territory, s.by_dsp, s.by_month]) {
    assert.equal(groups.reduce((t, g) => t + BigInt(g.amount_micros), 0n), 1_567_907n);
  }
  assert.deepEqual(s.by_territory.map((g) => g.key), ['DE', 'FR']);
  assert.deepEqual(s.by_month.map((g) => g.key), ['2025-01', '2025-02']);
});

test('a sister society\'s line sums its affiliates\' shares of the same work, right and pool', () => {
  const society = { kind: 'society' as const, id: '052', name: 'PRS', ipi_name_numbers: [] };
  const s = readableStatement(run, society, [entry({ amount_micros: 5n }), entry({ amount_micros: 6n })], new Map());
  assert.equal(s.lines.length, 1);
  assert.equal(s.lines[0].amount_micros, '11');
});

test('percentages are computed on integers and round half up', () => {
  assert.equal(percentOf(1n, 3n), '33.33');
  assert.equal(percentOf(2n, 3n), '66.67');
  assert.equal(percentOf(5n, 5n), '100.00');
  assert.equal(percentOf(1n, 0n), '0.00');
});

test('cells that a spreadsheet would run as formulas are neutralized', () => {
  for (const text of ['=HYPERLINK("http://x")', '+1+2', '-2+3', '@SUM(A1)', '\tx']) assert.ok(neutralizeCell(text).startsWith("'"), text);
  assert.equal(neutralizeCell('River of Stars'), 'River of Stars');
});

test('the statement CSV starts with a byte order mark, keeps totals apart and neutralizes DSP-supplied titles', () => {
  const s = readableStatement(run, payee, [entry({ title: '=cmd|\' /C calc\'!A0' }), entry({ work_id: 'W00000002', title: '星河, "live"', amount_micros: -5n })], new Map([['PADPIDA2011072101T', 'Streamwave']]));
  const csv = statementCsvFile(s);
  assert.ok(csv.startsWith('\uFEFFline_id,'));
  const [lines, totals] = csv.slice(1).split('\r\n\r\n');
  const rows = lines.split('\r\n');
  assert.equal(rows.length, 3, 'header and two lines, no total among them');
  assert.ok(rows[1].includes(",'=cmd|"), rows[1]);
  assert.ok(rows[2].includes('"星河, ""live"""'));
  assert.ok(rows[2].endsWith(',-0.000005,CNY,-5'), 'our own negative numbers stay numbers');
  assert.ok(totals.startsWith('totals,key,label,usages,amount,currency,amount_micros\r\nstatement,RUN00000001 2025-01,"P00000001 LI, Wei",200,0.999995,CNY,999995'));
  assert.ok(totals.includes('dsp,PADPIDA2011072101T,Streamwave,200,0.999995,CNY,999995'));
});
