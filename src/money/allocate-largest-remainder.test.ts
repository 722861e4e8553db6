import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { allocateLargestRemainder, type AllocationWeight } from './allocate-largest-remainder.js';

const weightsArbitrary = fc.uniqueArray(
  fc.record({ key: fc.string({ maxLength: 6 }), weight: fc.bigInt({ min: 0n, max: 10n ** 12n }) }),
  { minLength: 1, maxLength: 30, selector: (entry) => entry.key },
).filter((weights) => weights.some((entry) => entry.weight > 0n));

const totalArbitrary = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });

function sum(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}

test('splits 100 micro-units one to two as 33 and 67', () => {
  const result = allocateLargestRemainder(100n, [{ key: 'a', weight: 1n }, { key: 'b', weight: 2n }]);
  assert.deepEqual([...result], [['a', 33n], ['b', 67n]]);
});

test('gives the leftover units to the largest remainders and breaks ties by key', () => {
  const thirds = [{ key: 'c', weight: 1n }, { key: 'a', weight: 1n }, { key: 'b', weight: 1n }];
  assert.deepEqual([...allocateLargestRemainder(2n, thirds)], [['c', 0n], ['a', 1n], ['b', 1n]]);
  assert.deepEqual([...allocateLargestRemainder(-2n, thirds)], [['c', 0n], ['a', -1n], ['b', -1n]]);
});

test('compares keys by code unit, so uppercase sorts before lowercase', () => {
  const result = allocateLargestRemainder(1n, [{ key: 'a', weight: 1n }, { key: 'B', weight: 1n }]);
  assert.equal(result.get('B'), 1n);
  assert.equal(result.get('a'), 0n);
});

test('gives zero weights nothing and a zero total zero to everyone', () => {
  const weights = [{ key: 'paid', weight: 3n }, { key: 'none', weight: 0n }];
  assert.deepEqual([...allocateLargestRemainder(10n, weights)], [['paid', 10n], ['none', 0n]]);
  assert.deepEqual([...allocateLargestRemainder(0n, [{ key: 'x', weight: 0n }])], [['x', 0n]]);
  assert.deepEqual([...allocateLargestRemainder(0n, [])], []);
});

test('refuses negative weights, repeated keys and a total over weights that are all zero', () => {
  assert.throws(() => allocateLargestRemainder(1n, [{ key: 'a', weight: -1n }]), { code: 'CLEF_MONEY_ALLOCATION_INVALID' });
  assert.throws(() => allocateLargestRemainder(1n, [{ key: 'a', weight: 1n }, { key: 'a', weight: 1n }]), { code: 'CLEF_MONEY_ALLOCATION_INVALID' });
  assert.throws(() => allocateLargestRemainder(1n, [{ key: 'a', weight: 0n }]), { code: 'CLEF_MONEY_ALLOCATION_INVALID' });
  assert.throws(() => allocateLargestRemainder(1n, []), { code: 'CLEF_MONEY_ALLOCATION_INVALID' });
});

test('always allocates exactly the total', () => {
  fc.assert(fc.property(totalArbitrary, weightsArbitrary, (total, weights) => sum(allocateLargestRemainder(total, weights).values()) === total));
});

test('gives the same allocation whatever the order of the weights', () => {
  fc.assert(
    fc.property(totalArbitrary, weightsArbitrary.chain((weights) => fc.tuple(fc.constant(weights), fc.shuffledSubarray(weights, { minLength: weights.length }))), (total, [weights, shuffled]) => {
      const a = allocateLargestRemainder(total, weights);
      const b = allocateLargestRemainder(total, shuffled);
      for (const { key } of weights) assert.equal(a.get(key), b.get(key), key);
    }),
  );
});

test('never deviates from a key\'s exact share by a whole micro-unit', () => {
  fc.assert(
    fc.property(totalArbitrary, weightsArbitrary, (total, weights: AllocationWeight[]) => {
      const allocation = allocateLargestRemainder(total, weights);
      const weightSum = sum(weights.map((entry) => entry.weight));
      for (const { key, weight } of weights) {
        const deviation = allocation.get(key)! * weightSum - total * weight;
        assert.ok(deviation < weightSum && deviation > -weightSum, key);
      }
    }),
  );
});
