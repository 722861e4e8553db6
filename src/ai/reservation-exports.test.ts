import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readTrainingMining } from '../labels/training-mining.js';
import { aiprefRules } from './aipref-rules.js';
import type { Reservation } from './reservation.js';
import type { ReservedLocation } from './reserved-location.js';
import { resolveReservations } from './resolve-reservation.js';
import { tdmRepFile } from './tdmrep-file.js';
import { trainingMiningEntries } from './training-mining-entries.js';

const base = { constraintInfo: null, recordedAt: '2026-01-01T00:00:00Z', effectiveFrom: '2026-01-01' };
const reservations: Reservation[] = [
  { ...base, reservationId: 'RSV1', scope: { kind: 'repertoire' }, use: 'ai_training', status: 'notAllowed' },
  { ...base, reservationId: 'RSV2', scope: { kind: 'work', id: 'W1' }, use: 'ai_training', status: 'allowed' },
  { ...base, reservationId: 'RSV3', scope: { kind: 'work', id: 'W1' }, use: 'data_mining', status: 'allowed' },
  { ...base, reservationId: 'RSV4', scope: { kind: 'work', id: 'W1' }, use: 'ai_generative_training', status: 'constrained', constraintInfo: 'no voice cloning' },
];

function location(kind: ReservedLocation['kind'], id: string, path: string, workIds: string[]): ReservedLocation {
  return { kind, id, location: path, isrc: null, iswc: null, title: null, resolved: resolveReservations(reservations, { workIds, partyIds: [] }, '2026-03-01') };
}

const locations = [location('work', 'W1', '/works/W1', ['W1']), location('repertoire', '', '/*', [])];

test('TDMRep rules are an array of {location, tdm-reservation, tdm-policy}, specific first, the repertoire last, with an ODRL offer', () => {
  const file = tdmRepFile(locations, { policyUrl: 'https://cmo.example/.well-known/tdm-policy.json', site: 'https://cmo.example', cmoName: 'Demo CMO' });
  assert.deepEqual(file.rules, [
    { location: '/works/W1', 'tdm-reservation': 1, 'tdm-policy': 'https://cmo.example/.well-known/tdm-policy.json' },
    { location: '/*', 'tdm-reservation': 1, 'tdm-policy': 'https://cmo.example/.well-known/tdm-policy.json' },
  ]);
  for (const rule of file.rules) assert.deepEqual(Object.keys(rule), ['location', 'tdm-reservation', 'tdm-policy']);
  assert.equal(file.policy.profile, 'http://www.w3.org/ns/tdmrep');
  assert.equal(file.policy['@type'], 'Offer');
  assert.deepEqual((file.policy.permission as { action: string }[])[0].action, 'tdm:mine');
});

test('aipref says train-ai=n for the repertoire and the work\'s own preference where it differs', () => {
  const rules = aiprefRules(locations);
  assert.equal(rules.robotsTxt, 'User-Agent: *\nContent-Usage: train-ai=n\nContent-Usage: /works/W1 train-ai=y, train-genai=n\nAllow: /\n');
  assert.deepEqual(rules.headers, [{ location: '/works/W1', header: 'Content-Usage: train-ai=y, train-genai=n' }, { location: '/*', header: 'Content-Usage: train-ai=n' }]);
});

test('the CAWG entries are what the labels\' reader reads back, constraint included', () => {
  const entries = trainingMiningEntries(locations[0].resolved)!;
  const read = readTrainingMining({ entries });
  assert.deepEqual(read, {
    'cawg.data_mining': { use: 'allowed' }, 'cawg.ai_inference': { use: 'notAllowed' }, 'cawg.ai_training': { use: 'allowed' },
    'cawg.ai_generative_training': { use: 'constrained', constraint_info: 'no voice cloning' },
  });
  assert.equal(trainingMiningEntries(resolveReservations([], { workIds: ['W9'], partyIds: [] }, '2026-03-01')), null);
});
