import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currentRegistrations, revisionKey } from './current-registrations.js';
import type { Registration, Submitter } from './registration.js';

const registration = (id: string, submitter: Submitter, number: string, receivedAt: string): Registration => ({
  id, workId: 'w1', submitter, submitterWorkNumber: number, source: 'API', receivedAt, parties: [], publisherLinks: [],
});

test('keeps the latest registration per submitter and submitter work number', () => {
  const result = currentRegistrations([
    registration('a1', { kind: 'member', partyId: 'p1' }, '001', '2025-01-01T10:00:00Z'),
    registration('b1', { kind: 'sister', societyCode: '052' }, '001', '2025-01-01T10:00:00Z'),
    registration('a2', { kind: 'member', partyId: 'p1' }, '001', '2025-03-01T10:00:00Z'),
    registration('c1', { kind: 'cmo' }, '001', '2025-01-01T10:00:00Z'),
    registration('a0', { kind: 'member', partyId: 'p1' }, '001', '2024-12-01T10:00:00Z'),
    registration('a3', { kind: 'member', partyId: 'p1' }, '002', '2024-12-01T10:00:00Z'),
  ]);
  assert.deepEqual(result.current.map((r) => r.id).sort(), ['a2', 'a3', 'b1', 'c1']);
  assert.deepEqual(result.superseded.map((r) => r.id).sort(), ['a0', 'a1']);
});

test('a revision received at the same instant as the earlier one wins by input order', () => {
  const result = currentRegistrations([
    registration('x1', { kind: 'cmo' }, '9', '2025-01-01T00:00:00Z'),
    registration('x2', { kind: 'cmo' }, '9', '2025-01-01T00:00:00Z'),
  ]);
  assert.deepEqual(result.current.map((r) => r.id), ['x2']);
});

test('tells a member party from a sister society with the same text', () => {
  assert.notEqual(revisionKey({ submitter: { kind: 'member', partyId: '052' }, submitterWorkNumber: '1' }), revisionKey({ submitter: { kind: 'sister', societyCode: '052' }, submitterWorkNumber: '1' }));
});
