import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consolidateShares } from './consolidate-shares.js';
import { contestedRegistrations, counterclaimDeadline, planCounterclaims } from './counterclaim.js';
import { loadLookups } from '../lookups/index.js';
import type { Registration, RegistrationParty } from './registration.js';
import { defaultRegistryPolicy } from './registry-policy.js';
import { createTerritoryResolver } from '../lookups/index.js';

const resolve = createTerritoryResolver(loadLookups().territories);
const party = (partyId: string, kind: 'writer' | 'publisher', share: number): RegistrationParty => ({
  partyId, kind, role: kind === 'writer' ? 'CA' : 'E', controlled: true, ownership: { PR: share, MR: share, SR: share }, collection: [], affiliations: [],
});
const registration = (id: string, publisher: string, writerShare = 5000): Registration => ({
  id, workId: 'w', submitter: { kind: 'member', partyId: publisher }, submitterWorkNumber: id, source: 'CWR', receivedAt: '2025-01-01',
  parties: [party('wr', 'writer', writerShare), party(publisher, 'publisher', 10000 - writerShare)], publisherLinks: [],
});

test('a conflict opens a counterclaim naming both registrations; the same conflict later keeps it; its end closes it', () => {
  const disputed = consolidateShares([registration('r1', 'pubA'), registration('r2', 'pubB')], resolve);
  assert.deepEqual(contestedRegistrations(disputed), ['r1', 'r2']);
  assert.deepEqual(planCounterclaims(disputed, []), { open: ['r1', 'r2'], close: [] });
  assert.deepEqual(planCounterclaims(disputed, [{ id: 'C1', workId: 'w', registrationIds: ['r2', 'r1'] }]), { close: [] });
  const agreed = consolidateShares([registration('r1', 'pubA')], resolve);
  assert.deepEqual(planCounterclaims(agreed, [{ id: 'C1', workId: 'w', registrationIds: ['r1', 'r2'] }]), { open: undefined, close: ['C1'] });
});

test('a conflict between other registrations closes the old counterclaim and opens another', () => {
  const picture = consolidateShares([registration('r1', 'pubA'), registration('r3', 'pubC', 6000)], resolve);
  assert.deepEqual(planCounterclaims(picture, [{ id: 'C1', workId: 'w', registrationIds: ['r1', 'r2'] }]), { open: ['r1', 'r3'], close: ['C1'] });
});

test('the deadline is the opening day plus the policy days', () => {
  assert.equal(counterclaimDeadline('2026-01-01T10:00:00.000Z', defaultRegistryPolicy), '2026-04-01');
  assert.equal(counterclaimDeadline('2026-01-01T10:00:00.000Z', { ...defaultRegistryPolicy, disputeDeadlineDays: 30 }), '2026-01-31');
});
