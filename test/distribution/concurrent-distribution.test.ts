import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { runClef } from '../cli/run-clef.js';
import { spawnClef } from '../cli/spawn-clef.js';
import { describeEachEngine, test } from '../support/engines.js';
import { januaryReport, preparedLocation } from './distribution-setup.js';

async function clefJson(db: string, ...args: string[]): Promise<any> {
  const result = await runClef([...args, '--db', db, '--json']);
  assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const total = (rows: readonly { amount_micros: string }[]): bigint => rows.reduce((sum, r) => sum + BigInt(r.amount_micros), 0n);

describeEachEngine('two distributions of one period at once', (_open, engine, location) => {
  // PostgreSQL refuses the second booking session; a DuckDB file refuses a second process outright.
  const refusal = engine === 'postgres' ? /CLEF_DISTRIBUTION_(BUSY|ALREADY_DISTRIBUTED): / : /CLEF_(STORE_LOCKED|DISTRIBUTION_ALREADY_DISTRIBUTED): /;

  for (const [name, delayMs] of [['started together', 0], ['started a few seconds apart', 2500]] as const) {
    test(`${name}: exactly one run, the other refused with a coded error, balances those of one run`, async () => {
      const db = await preparedLocation(location, [januaryReport()]);
      const first = spawnClef(['distribute', '--period', '2025-01', '--db', db, '--json']);
      await sleep(delayMs);
      const second = spawnClef(['distribute', '--period', '2025-01', '--db', db, '--json']);
      const results = await Promise.all([first, second]);
      const booked = results.filter((r) => r.status === 0);
      const refused = results.filter((r) => r.status !== 0);
      assert.equal(booked.length, 1, results.map((r) => r.stderr).join('\n'));
      assert.equal(refused[0].status, 1);
      assert.match(refused[0].stderr, refusal);
      assert.doesNotMatch(refused[0].stderr, /unexpected failure|\n\s+at /, 'no stack trace');
      const runId = JSON.parse(booked[0].stdout).run_id as string;
      const runs = await clefJson(db, 'runs', 'list');
      assert.deepEqual(runs.map((r: { run_id: string }) => r.run_id), [runId]);
      const figures = await clefJson(db, 'runs', 'show', runId);
      const balances = await clefJson(db, 'balances');
      assert.ok(balances.length > 0);
      assert.equal(total(balances), total(figures.parties) + total(figures.sister_societies), 'members and societies are owed what one run booked');
    });
  }
});
