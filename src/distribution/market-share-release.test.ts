import assert from 'node:assert/strict';
import { test } from 'node:test';
import { marketShareRelease, type PaidShare } from './market-share-release.js';
import type { ReserveSlot } from './reserve-slot.js';

const slot = (poolId: string, amountMicros: bigint): ReserveSlot => ({
  reserve: 'unmatched', poolId, dsp: 'D', periodEnd: '2025-01-31', workId: null, recordingId: null, right: 'PR', partyId: null, amountMicros, runIds: ['RUN1'],
});
const paid = (accountId: string, amountMicros: bigint): PaidShare => ({
  poolId: '1/1', accountKind: 'party', accountId, partyId: accountId, workId: 'W1', recordingId: null, right: 'PR', amountMicros,
});

test('empties the unmatched slots and credits those paid in proportion to what they were paid, to the micro-unit', () => {
  const entries = marketShareRelease([slot('1/1', 70n), slot('1/2', 30n)], [paid('P1', 1n), paid('P2', 2n), paid('P3', 0n)]);
  assert.deepEqual(entries.map((e) => [e.accountKind, e.accountId, e.poolId, e.amountMicros]), [
    ['reserve', 'unmatched', '1/1', -70n], ['reserve', 'unmatched', '1/2', -30n], ['party', 'P1', '1/1', 33n], ['party', 'P2', '1/1', 67n],
  ]);
  assert.equal(entries.reduce((s, e) => s + e.amountMicros, 0n), 0n);
});

test('releases nothing when the slots hold nothing or nobody was paid', () => {
  assert.deepEqual(marketShareRelease([slot('1/1', 5n)], []), []);
  assert.deepEqual(marketShareRelease([slot('1/1', 5n), slot('1/2', -5n)], [paid('P1', 3n)]), []);
});
