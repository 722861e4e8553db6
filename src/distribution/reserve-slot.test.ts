import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyTransfer, claimTransfer, slotsInScope, sumReserveSlots, type ReserveBooking } from './reserve-slot.js';

const booking = (runId: string, poolId: string, right: 'PR' | 'MR', amountMicros: bigint): ReserveBooking => ({
  runId, reserve: 'non_member', poolId, dsp: 'PADPIDA2011072101T', periodEnd: '2025-01-31', workId: 'W1', recordingId: null, right, partyId: 'P9', amountMicros,
});

test('sums the runs\' bookings per slot and leaves out slots an adjustment emptied', () => {
  const slots = sumReserveSlots([booking('RUN2', '1/1', 'PR', 10n), booking('RUN1', '1/1', 'PR', 5n), booking('RUN1', '1/1', 'MR', 7n), booking('RUN3', '1/1', 'MR', -7n)]);
  assert.deepEqual(slots.map((s) => [s.right, s.amountMicros, s.runIds]), [['PR', 15n, ['RUN1', 'RUN2']]]);
});

test('pays a claim out of the slots it reaches in proportion to what they hold, each pool adding up to zero', () => {
  const slots = sumReserveSlots([booking('RUN1', '1/1', 'PR', 3n), booking('RUN1', '1/2', 'PR', 1n), booking('RUN1', '1/2', 'MR', 4n)]);
  const prOnly = slotsInScope(slots, { reserve: 'non_member', poolId: null, workId: 'W1', recordingId: null, right: 'PR', sharePartyId: 'P9' });
  assert.deepEqual(claimTransfer('P9', 4n, prOnly).filter((e) => e.accountKind === 'party').map((e) => [e.poolId, e.amountMicros]), [['1/1', 3n], ['1/2', 1n]]);
  assert.throws(() => claimTransfer('P9', 5n, slotsInScope(slots, { reserve: 'non_member', poolId: null, workId: null, recordingId: null, right: 'PR', sharePartyId: null })), { code: 'CLEF_DISTRIBUTION_CLAIM_INVALID' });
  const paid = claimTransfer('P9', 6n, slots);
  for (const pool of ['1/1', '1/2']) assert.equal(paid.filter((e) => e.poolId === pool).reduce((s, e) => s + e.amountMicros, 0n), 0n);
  assert.equal(paid.filter((e) => e.accountKind === 'party').reduce((s, e) => s + e.amountMicros, 0n), 6n);
  assert.deepEqual(applyTransfer(slots, paid).map((s) => [s.poolId, s.right, s.amountMicros]), [['1/1', 'PR', 1n], ['1/2', 'MR', 1n]]);
});
