import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mapInOrder } from './map-in-order.js';

const tick = (turns: number) => new Promise<void>((resolve) => {
  let left = turns;
  const step = () => (left-- <= 0 ? resolve() : setImmediate(step));
  step();
});

test('delivers results in input order whatever order the work finishes in, never above the concurrency', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 25 }), fc.integer({ min: 1, max: 5 }), async (delays, concurrency) => {
      let running = 0;
      let most = 0;
      const finished: number[] = [];
      const delivered: [number, number][] = [];
      await mapInOrder(
        delays,
        concurrency,
        async (delay, n) => {
          running++;
          most = Math.max(most, running);
          await tick(delay);
          running--;
          finished.push(n);
          return n * 10;
        },
        (result, n) => {
          delivered.push([result, n]);
        },
      );
      assert.deepEqual(delivered, delays.map((_, n) => [n * 10, n]));
      assert.ok(most <= concurrency, `${most} ran at once`);
      assert.equal(finished.length, delays.length);
    }),
    { numRuns: 60 },
  );
});

test('runs work side by side: four tasks of one turn each with concurrency 4 start before any ends', async () => {
  const order: string[] = [];
  await mapInOrder([3, 0, 2, 1], 4, async (delay, n) => {
    order.push(`start ${n}`);
    await tick(delay);
    order.push(`end ${n}`);
    return n;
  }, () => undefined);
  assert.deepEqual(order.slice(0, 4), ['start 0', 'start 1', 'start 2', 'start 3']);
  assert.equal(order[4], 'end 1');
});

test('stops starting work at the first failure, waits for the running work and throws that failure', async () => {
  const started: number[] = [];
  let settled = 0;
  await assert.rejects(
    mapInOrder([0, 1, 2, 3, 4, 5, 6, 7], 2, async (item) => {
      started.push(item);
      await tick(item === 2 ? 1 : 3);
      settled++;
      if (item === 2) throw new Error('bad file 2');
      return item;
    }, () => undefined),
    /bad file 2/,
  );
  assert.equal(settled, started.length);
  assert.ok(started.length < 8, `started ${started.join(',')}`);
});

test('a failing delivery stops the run the same way', async () => {
  const delivered: number[] = [];
  await assert.rejects(
    mapInOrder([1, 2, 3, 4], 2, async (item) => item, (item) => {
      if (item === 3) throw new Error('cannot store 3');
      delivered.push(item);
    }),
    /cannot store 3/,
  );
  assert.deepEqual(delivered, [1, 2]);
});
