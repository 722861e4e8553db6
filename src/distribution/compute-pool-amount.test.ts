import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computePoolAmount, type PoolAmountInput } from './compute-pool-amount.js';

const base: PoolAmountInput = { revenue: '409.05', rate: '0.12', subscribers: null, perSubscriberMinimumMicros: null, invoiceMicros: null, fxRate: null };

test('takes the licence rate of the net revenue', () => {
  assert.deepEqual(computePoolAmount(base), { micros: 49_086_000n, basis: 'rate' });
});

test('takes the per-subscriber minimum where it is higher, and the rate where it is not', () => {
  assert.deepEqual(computePoolAmount({ ...base, subscribers: 1000n, perSubscriberMinimumMicros: 50_000n }), { micros: 50_000_000n, basis: 'minimum' });
  assert.deepEqual(computePoolAmount({ ...base, subscribers: 900n, perSubscriberMinimumMicros: 50_000n }), { micros: 49_086_000n, basis: 'rate' });
});

test('lets an invoiced amount replace the computation', () => {
  assert.deepEqual(computePoolAmount({ ...base, invoiceMicros: 12_345_678n }), { micros: 12_345_678n, basis: 'invoice' });
});

test('converts with the exchange rate and rounds half-even once, after the rate', () => {
  // 0.000025 × 0.5 = 0.0000125 USD; × 0.9 = 0.00001125 EUR → 11.25 micro-units → 11
  assert.equal(computePoolAmount({ ...base, revenue: '0.000025', rate: '0.5', fxRate: '0.9' }).micros, 11n);
  // 0.000005 × 0.5 = 2.5 micro-units → 2 (half to even), not 3
  assert.equal(computePoolAmount({ ...base, revenue: '0.000005', rate: '0.5' }).micros, 2n);
  assert.equal(computePoolAmount({ ...base, revenue: '0.000007', rate: '0.5' }).micros, 4n);
});

test('gives a negative pool for a negative revenue and nothing for no revenue', () => {
  assert.equal(computePoolAmount({ ...base, revenue: '-10' }).micros, -1_200_000n);
  assert.equal(computePoolAmount({ ...base, revenue: null }).micros, 0n);
});
