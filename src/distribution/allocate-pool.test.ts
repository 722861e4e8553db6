import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTerritoryResolver, loadLookups } from '../lookups/index.js';
import { workedPolicy, workedPool, workedRate, workedRegistry, workedRevenue } from '../../test/distribution/worked-example.js';
import { allocatePool } from './allocate-pool.js';
import { computePoolAmount } from './compute-pool-amount.js';
import { poolRules } from './distribution-policy.js';
import type { LedgerEntry } from './ledger-entry.js';

const resolve = createTerritoryResolver(loadLookups().territories);

function booked(entries: readonly LedgerEntry[], accountKind: string, accountId: string, workId: string | null, right: string | null): bigint {
  const found = entries.filter((e) => e.accountKind === accountKind && e.accountId === accountId && e.workId === workId && e.right === right);
  assert.equal(found.length, 1, `one entry for ${accountKind} ${accountId} ${workId} ${right}`);
  return found[0].amountMicros;
}

function workedAllocation() {
  const amount = computePoolAmount({ revenue: workedRevenue, rate: workedRate, subscribers: null, perSubscriberMinimumMicros: null, invoiceMicros: null, fxRate: null });
  return allocatePool(workedPool(amount.micros), poolRules(workedPolicy, workedPool(0n).scope), workedRegistry, resolve);
}

test('computes the worked example pool as rate times revenue and takes 15 % commission rounded half-even', () => {
  const { entries, amountMicros } = workedAllocation();
  assert.equal(amountMicros, 120_000_024n); // 1000.0002 × 0.12
  assert.equal(booked(entries, 'commission', 'commission', null, null), 18_000_004n); // 18_000_003.6 → 18_000_004
});

test('divides the rest over the lines, re-signs the return and sends what the lines do not cover to unreported usage', () => {
  const { entries } = workedAllocation();
  // Rest 102_000_020 over net usages 1000: positive lines and the 250 unreported weigh 1050, so they share
  // 102_000_020 × 1050 / 1000 = 107_100_021 (102_000.02 per usage), and the return of 50 carries -5_100_001.
  assert.equal(booked(entries, 'reserve', 'unreported_usage', null, null), 25_500_005n);
  // The unmatched line's 10_200_002 splits 50/50 between PR and MR.
  assert.equal(booked(entries, 'reserve', 'unmatched', null, 'PR'), 5_100_001n);
  assert.equal(booked(entries, 'reserve', 'unmatched', null, 'MR'), 5_100_001n);
});

test('splits a recording with two works equally and breaks rounding ties by key, not position', () => {
  const { entries } = workedAllocation();
  // R1: 40_800_008 - 5_100_001 = 35_700_007; PR/MR tie at 17_850_003.5 goes to MR (the smaller key);
  // PR 17_850_003 over W1/W2 ties at 8_925_001.5 and W1 (the smaller key) gets the odd micro-unit.
  assert.equal(booked(entries, 'society', '052', 'W00000001', 'PR'), 4_462_501n); // half of W1's 8_925_002 PR
  assert.equal(booked(entries, 'party', 'P00000001', 'W00000001', 'PR'), 4_462_501n);
  assert.equal(booked(entries, 'party', 'P00000001', 'W00000001', 'MR'), 8_925_002n);
  assert.equal(booked(entries, 'reserve', 'non_member', 'W00000002', 'PR'), 8_925_001n);
});

test('holds an undocumented half share and a right documented only outside the pool territory in the undocumented-share reserve', () => {
  const { entries } = workedAllocation();
  assert.equal(booked(entries, 'party', 'P00000001', 'W00000002', 'MR'), 4_462_501n);
  assert.equal(booked(entries, 'reserve', 'undocumented_share', 'W00000002', 'MR'), 4_462_501n);
  // R2's 30_600_006 gives each right 15_300_003; W3's PR is documented for the World except Spain.
  assert.equal(booked(entries, 'reserve', 'undocumented_share', 'W00000003', 'PR'), 15_300_003n);
  assert.equal(booked(entries, 'party', 'P00000001', 'W00000003', 'MR'), 15_300_003n);
});

test('records the party behind sister-society and non-member money and the usages behind each line', () => {
  const { entries } = workedAllocation();
  const society = entries.find((e) => e.accountKind === 'society')!;
  assert.equal(society.partyId, 'P00000002');
  assert.equal(society.usages, 350n);
  assert.equal(entries.find((e) => e.accountId === 'non_member')!.partyId, 'P00000003');
});

test('reconciles the worked example to the micro-unit', () => {
  const { entries, amountMicros, matchCounts } = workedAllocation();
  assert.equal(entries.reduce((sum, e) => sum + e.amountMicros, 0n), amountMicros);
  const member = entries.filter((e) => e.accountKind === 'party').reduce((sum, e) => sum + e.amountMicros, 0n);
  assert.equal(member, 33_150_007n);
  assert.deepEqual({ lines: matchCounts.lines, matched: matchCounts.matchedLines, usages: matchCounts.usages, matchedUsages: matchCounts.matchedUsages }, { lines: 4, matched: 3, usages: 750n, matchedUsages: 650n });
  assert.equal(matchCounts.matchedMicros, 35_700_007n + 30_600_006n);
});

test('refuses a pool with two lines of the same key', () => {
  const pool = workedPool(1_000_000n);
  const twice = { ...pool, lines: [...pool.lines, pool.lines[0]] };
  assert.throws(() => allocatePool(twice, poolRules(workedPolicy, pool.scope), workedRegistry, resolve), { code: 'CLEF_DISTRIBUTION_INPUT_INVALID' });
});
