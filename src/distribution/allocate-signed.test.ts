import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocateSigned } from './allocate-signed.js';

test('gives positive weights their part and negative weights a re-signed part that together make the total', () => {
  assert.deepEqual([...allocateSigned(100n, [{ key: 'a', weight: 3n }, { key: 'b', weight: -1n }])!], [['a', 150n], ['b', -50n]]);
});

test('rounds the positive group half-even once and breaks ties inside a group by key', () => {
  const result = allocateSigned(3n, [{ key: 'b', weight: 1n }, { key: 'a', weight: 1n }])!;
  assert.deepEqual([result.get('a'), result.get('b')], [2n, 1n]);
});

test('returns null when the net weight is zero but money is to be divided', () => {
  assert.equal(allocateSigned(5n, [{ key: 'a', weight: 2n }, { key: 'b', weight: -2n }]), null);
  assert.deepEqual([...allocateSigned(0n, [{ key: 'a', weight: 0n }])!], [['a', 0n]]);
});
