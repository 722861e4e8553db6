import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createKeyFilter } from './key-filter.js';

test('answers maybe for every key added', () => {
  const filter = createKeyFilter(16);
  const keys = Array.from({ length: 5000 }, (_, i) => `cmo:119|BENCH-${i}`);
  for (const key of keys) filter.add(key);
  assert.ok(keys.every((key) => filter.mayHave(key)));
});

test('answers no for nearly every key never added', () => {
  const filter = createKeyFilter(20);
  for (let i = 0; i < 50_000; i++) filter.add(`river of stars ${i}|li wei`);
  let maybe = 0;
  for (let i = 50_000; i < 150_000; i++) if (filter.mayHave(`river of stars ${i}|li wei`)) maybe++;
  // 50 k keys in 1 M bits with 4 hashes: about 0.2 % false positives in theory.
  assert.ok(maybe < 1000, `${maybe} false positives`);
});

test('an empty filter has nothing', () => {
  const filter = createKeyFilter();
  assert.equal(filter.mayHave(''), false);
  assert.equal(filter.mayHave('T-034.524.680-1'), false);
});
