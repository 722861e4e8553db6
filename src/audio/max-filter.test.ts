import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maxFilter1d } from './max-filter.js';

test('gives the same running maximum as a direct scan for any data, window and offset', () => {
  fc.assert(
    fc.property(
      fc.array(fc.float({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 80 }),
      fc.integer({ min: 0, max: 9 }),
      fc.integer({ min: 0, max: 5 }),
      (values, half, start) => {
        const input = new Float32Array(start + values.length + 3).fill(2e6);
        input.set(values, start);
        const output = new Float32Array(input.length).fill(-7);
        maxFilter1d(input, output, start, values.length, half, new Float32Array(values.length), new Float32Array(values.length));
        for (let i = 0; i < values.length; i++) {
          const window = input.subarray(start + Math.max(0, i - half), start + Math.min(values.length, i + half + 1));
          assert.equal(output[start + i], Math.max(...window));
        }
        assert.ok(output.subarray(0, start).every((v) => v === -7) && output.subarray(start + values.length).every((v) => v === -7));
      },
    ),
  );
});
