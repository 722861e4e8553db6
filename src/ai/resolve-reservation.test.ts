import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Reservation, ReservationScope } from './reservation.js';
import { resolveReservation } from './resolve-reservation.js';
import type { ReservationStatus } from './training-use.js';

let n = 0;
function reservation(scope: ReservationScope, status: ReservationStatus, effectiveFrom: string, recordedAt = '2026-01-01T00:00:00Z'): Reservation {
  n++;
  return { reservationId: `RSV${String(n).padStart(8, '0')}`, scope, use: 'ai_training', status, constraintInfo: status === 'constrained' ? 'credit the authors' : null, effectiveFrom, recordedAt };
}

const subject = { recordingId: 'R1', workIds: ['W1'], partyIds: ['P1', 'P2'] };

test('the most specific scope wins: recording over work over party over repertoire', () => {
  const repertoire = reservation({ kind: 'repertoire' }, 'notAllowed', '2025-01-01');
  const party = reservation({ kind: 'party', id: 'P1' }, 'allowed', '2025-01-01');
  const work = reservation({ kind: 'work', id: 'W1' }, 'notAllowed', '2025-01-01');
  const recording = reservation({ kind: 'recording', id: 'R1' }, 'constrained', '2025-01-01');
  assert.equal(resolveReservation([repertoire], subject, 'ai_training', '2026-01-01')?.status, 'notAllowed');
  assert.equal(resolveReservation([repertoire, party], subject, 'ai_training', '2026-01-01')?.reservation.reservationId, party.reservationId);
  assert.equal(resolveReservation([repertoire, party, work], subject, 'ai_training', '2026-01-01')?.status, 'notAllowed');
  const best = resolveReservation([recording, work, party, repertoire], subject, 'ai_training', '2026-01-01');
  assert.equal(best?.status, 'constrained');
  assert.equal(best?.constraintInfo, 'credit the authors');
});

test('a reservation applies from its date, and a later one for the same scope supersedes it from its own date', () => {
  const optOut = reservation({ kind: 'work', id: 'W1' }, 'notAllowed', '2026-03-01');
  const optIn = reservation({ kind: 'work', id: 'W1' }, 'allowed', '2026-06-01');
  assert.equal(resolveReservation([optOut, optIn], subject, 'ai_training', '2026-02-28'), null);
  assert.equal(resolveReservation([optOut, optIn], subject, 'ai_training', '2026-03-01')?.status, 'notAllowed');
  assert.equal(resolveReservation([optIn, optOut], subject, 'ai_training', '2026-06-01')?.status, 'allowed');
});

test('two reservations with the same date are decided by when they were recorded', () => {
  const first = reservation({ kind: 'work', id: 'W1' }, 'allowed', '2026-01-01', '2026-01-01T10:00:00Z');
  const second = reservation({ kind: 'work', id: 'W1' }, 'notAllowed', '2026-01-01', '2026-01-02T10:00:00Z');
  assert.equal(resolveReservation([second, first], subject, 'ai_training', '2026-05-01')?.status, 'notAllowed');
});

test('at one level, the most restrictive rights holder wins: one co-author\'s reservation is not overridden by another\'s grant', () => {
  const grant = reservation({ kind: 'party', id: 'P1' }, 'allowed', '2025-01-01');
  const refusal = reservation({ kind: 'party', id: 'P2' }, 'notAllowed', '2025-01-01');
  assert.equal(resolveReservation([grant, refusal], subject, 'ai_training', '2026-01-01')?.reservation.reservationId, refusal.reservationId);
  assert.equal(resolveReservation([refusal, grant], subject, 'ai_training', '2026-01-01')?.status, 'notAllowed');
});

test('reservations of other subjects and other uses do not apply', () => {
  const other = reservation({ kind: 'work', id: 'W2' }, 'notAllowed', '2025-01-01');
  const inference = { ...reservation({ kind: 'work', id: 'W1' }, 'notAllowed', '2025-01-01'), use: 'ai_inference' as const };
  assert.equal(resolveReservation([other, inference], subject, 'ai_training', '2026-01-01'), null);
  assert.equal(resolveReservation([other, inference], subject, 'ai_inference', '2026-01-01')?.status, 'notAllowed');
});
