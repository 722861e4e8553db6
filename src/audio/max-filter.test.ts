import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maxFilter1d } from './max-filter.js';

test('gives the same running maximum as a direct scan for any data, window and stride', () => {
  fc.assert(
    fc.property(fc.array(fc.float({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 80 }), fc.integer({ min: 0, max: 9 }), (values, half) => {
      const stride = 2;
      const input = new Float32Array(values.length * stride);
      values.forEach((v, i) => (input[i * stride + 1] = v));
      const output = new Float32Array(input.length);
      maxFilter1d(input, output, 1, values.length, stride, half, new Float32Array(values.length), new Float32Array(values.length));
      for (let i = 0; i < values.length; i++) {
        const window = input.filter((_, j) => j % stride === 1 && Math.abs((j - 1) / stride - i) <= half);
        assert.equal(output[i * stride + 1], Math.max(...window));
      }
    }),
  );
});
