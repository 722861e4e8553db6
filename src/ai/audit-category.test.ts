import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditCategory } from './audit-category.js';
import type { EffectiveReservation } from './reservation.js';
import { trainingUses, type ReservationStatus, type TrainingUse } from './training-use.js';

function resolved(statuses: Partial<Record<TrainingUse, ReservationStatus>>): Record<TrainingUse, EffectiveReservation | null> {
  return Object.fromEntries(trainingUses.map((use) => {
    const status = statuses[use];
    return [use, status ? { use, status, constraintInfo: null, reservation: { reservationId: 'RSV00000009', scope: { kind: 'work', id: 'W1' }, use, status, constraintInfo: null, effectiveFrom: '2026-01-01', recordedAt: '2026-01-01T00:00:00Z' } } : null];
  })) as Record<TrainingUse, EffectiveReservation | null>;
}

const notReserved = { uses: ['ai_training', 'ai_generative_training'] as TrainingUse[], scope: 'not-reserved' as const, termStart: '2026-01-01', termEnd: '2026-12-31' };
const optIn = { ...notReserved, scope: 'opt-in' as const };

test('an item nothing identified is unidentified', () => {
  assert.equal(auditCategory({ workId: null, recordingId: null, resolved: resolved({}) }, notReserved, '2026-02-01').category, 'unidentified');
});

test('a work reserved on the training date is a violation with the reservation, under either scope', () => {
  for (const licence of [notReserved, optIn]) {
    const verdict = auditCategory({ workId: 'W1', recordingId: null, resolved: resolved({ ai_generative_training: 'notAllowed', ai_training: 'allowed' }) }, licence, '2026-02-01');
    assert.equal(verdict.category, 'violation');
    assert.match(verdict.reason, /ai_generative_training notAllowed for work W1 since 2026-01-01 \(reservation RSV00000009\)/);
  }
});

test('not-reserved licenses every work nobody reserved; opt-in only works granted for every use', () => {
  const silent = { workId: 'W1', recordingId: null, resolved: resolved({}) };
  assert.equal(auditCategory(silent, notReserved, '2026-02-01').category, 'licensed');
  assert.equal(auditCategory(silent, optIn, '2026-02-01').category, 'unlicensed');
  assert.equal(auditCategory({ ...silent, resolved: resolved({ ai_training: 'allowed' }) }, optIn, '2026-02-01').category, 'unlicensed');
  assert.equal(auditCategory({ ...silent, resolved: resolved({ ai_training: 'allowed', ai_generative_training: 'constrained' }) }, optIn, '2026-02-01').category, 'licensed');
});

test('training outside the licence term is unlicensed, but a reservation still makes it a violation', () => {
  const silent = { workId: 'W1', recordingId: null, resolved: resolved({}) };
  assert.equal(auditCategory(silent, notReserved, '2025-12-31').category, 'unlicensed');
  assert.equal(auditCategory({ ...silent, resolved: resolved({ ai_training: 'notAllowed' }) }, notReserved, '2025-12-31').category, 'violation');
});
