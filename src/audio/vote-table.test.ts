import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { VoteTable } from './vote-table.js';

test('counts like a Map, keys in first-seen order, across growth and reuse', () => {
  const table = new VoteTable();
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).chain((k) => fc.constantFrom(k, k & 1023, -(k & 7))), { maxLength: 600 }), fc.nat(40), (keys, expected) => {
      table.clear(expected);
      const map = new Map<number, number>();
      for (const key of keys) {
        table.add(key);
        map.set(key, (map.get(key) ?? 0) + 1);
      }
      assert.equal(table.size, map.size);
      const seen = Array.from({ length: table.size }, (_, n) => [table.keyAt(n), table.countAt(n)]);
      assert.deepEqual(seen, [...map.entries()]);
      for (const key of [...map.keys()].slice(0, 20)) assert.equal(table.get(key), map.get(key));
      assert.equal(table.get(2 ** 31 - 1) , map.get(2 ** 31 - 1) ?? 0);
    }),
  );
});
