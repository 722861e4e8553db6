import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aiPoolAmounts } from './ai-pool-amounts.js';
import { attributionWeights, divisionWeights, trainingUseWeights, type UsedWork } from './training-weights.js';

const works: UsedWork[] = [
  { workId: 'W1', items: 1n, durationMs: 200_000n },
  { workId: 'W2', items: 3n, durationMs: 100_000n },
  { workId: 'W3', items: 1n, durationMs: 100_000n },
];

function shares(weights: Map<string, bigint>): Record<string, number> {
  const total = [...weights.values()].reduce((a, b) => a + b, 0n);
  return Object.fromEntries([...weights].map(([k, w]) => [k, Number((w * 1_000_000n) / total) / 1_000_000]));
}

test('equal gives each work one share (STIM); pro-rata weighs by duration, or by items when a duration is missing', () => {
  assert.deepEqual([...divisionWeights('equal', works, null).values()], [1n, 1n, 1n]);
  assert.deepEqual(shares(divisionWeights('pro-rata', works, null)), { W1: 0.5, W2: 0.25, W3: 0.25 });
  const noDuration = [...works.slice(0, 2), { workId: 'W3', items: 1n, durationMs: null }];
  assert.deepEqual(shares(trainingUseWeights(noDuration)), { W1: 0.2, W2: 0.6, W3: 0.2 });
});

test('attribution weighs the attributed works within their part of the training use, and the rest by analogy', () => {
  // W1 and W2 are attributed 3:1 and hold 300 of 400 s of training use; W3, not attributed, keeps its 100 s share.
  const weights = attributionWeights(works, new Map([['W1', 750_000n], ['W2', 250_000n]]));
  assert.deepEqual(shares(weights), { W1: 0.5625, W2: 0.1875, W3: 0.25 });
  assert.deepEqual(shares(attributionWeights(works, new Map([['W1', 1n], ['W2', 1n], ['W3', 2n]]))), { W1: 0.25, W2: 0.25, W3: 0.5 });
});

test('without attribution, or with attribution only for works not used, the division falls back to pro-rata', () => {
  assert.deepEqual(attributionWeights(works, null), trainingUseWeights(works));
  assert.deepEqual(attributionWeights(works, new Map([['W9', 5n]])), trainingUseWeights(works));
});

test('the fee is owed in the first month, the revenue share is at least the minimum guarantee, output use at its rate', () => {
  const licence = { termStart: '2026-01-01', trainingFeeMicros: 10_000_000_000n, revenueShareBasisPoints: 3000n, minimumGuaranteeMicros: 500_000_000n, outputRateBasisPoints: 1000n };
  assert.deepEqual(aiPoolAmounts(licence, '2026-01', { netRevenueMicros: 20_000_000_000n, outputRevenueMicros: 3_000_000_000n }), {
    training_fee: 10_000_000_000n, revenue_share: 6_000_000_000n, output_use: 300_000_000n,
  });
  assert.deepEqual(aiPoolAmounts(licence, '2026-02', { netRevenueMicros: 1_000_000_000n, outputRevenueMicros: 0n }), { training_fee: 0n, revenue_share: 500_000_000n, output_use: 0n });
  assert.deepEqual(aiPoolAmounts(licence, '2026-03', null), { training_fee: 0n, revenue_share: 500_000_000n, output_use: 0n });
});
