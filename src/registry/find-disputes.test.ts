import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDisputes, type RegisteredWork, type WorkMatchKeys } from './find-disputes.js';
import { createTerritoryResolver, loadLookups } from '../lookups/index.js';
import { nameKey, titleKey } from './match-key.js';
import type { Registration, RegistrationParty } from './registration.js';
import type { RightShares } from './share.js';
import type { Work } from './work.js';

const resolve = createTerritoryResolver(loadLookups().territories);
// The real keys come from match-key.ts; these fold case, accents and punctuation, enough to show the seam.
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim();
const keys: WorkMatchKeys = { titleKey: fold, nameKey: fold };
const names = new Map([['w-ana', 'Ana Núñez'], ['w-ana2', 'ANA NUNEZ'], ['w-bo', 'Bo Li'], ['w-cy', 'Cy Twain']]);
const partyName = (id: string): string | undefined => names.get(id);

const shares = (PR: number, MR = PR, SR = MR): RightShares => ({ PR, MR, SR });
const party = (partyId: string, kind: 'writer' | 'publisher', ownership: RightShares): RegistrationParty => ({
  partyId, kind, role: kind === 'writer' ? 'CA' : 'E', controlled: true, ownership, collection: [], affiliations: [],
});
const work = (id: string, title: string, extra: Partial<Work> = {}): Work => ({ id, title, archivedIswcs: [], alternateTitles: [], versionType: 'ORI', ...extra });
const registered = (w: Work, submitter: string, parties: RegistrationParty[]): RegisteredWork => ({
  work: w,
  registrations: [{ id: `${w.id}-${submitter}`, workId: w.id, submitter: { kind: 'member', partyId: submitter }, submitterWorkNumber: '1', source: 'CWR', receivedAt: '2025-01-01', parties, publisherLinks: [] }],
});

test('finds a dispute between two works sharing an ISWC whose registrations claim 150 % of every right', () => {
  const disputes = findDisputes([
    registered(work('w1', 'River', { iswc: 'T0345246801' }), 'pubA', [party('w-ana', 'writer', shares(5000)), party('pubA', 'publisher', shares(5000))]),
    registered(work('w2', 'Another Title', { iswc: 'T0345246801' }), 'pubB', [party('w-cy', 'writer', shares(5000))]),
  ], partyName, keys, resolve);
  assert.deepEqual(disputes.map((d) => [d.code, d.right, d.total, d.matchedBy, d.workIds]), [
    ['CLEF_REGISTRY_DISPUTE', 'PR', 15000, 'iswc', ['w1', 'w2']],
    ['CLEF_REGISTRY_DISPUTE', 'MR', 15000, 'iswc', ['w1', 'w2']],
    ['CLEF_REGISTRY_DISPUTE', 'SR', 15000, 'iswc', ['w1', 'w2']],
  ]);
  assert.deepEqual(disputes[0].claims.map((c) => [c.registrationId, c.partyId, c.share]), [['w1-pubA', 'w-ana', 5000], ['w1-pubA', 'pubA', 5000], ['w2-pubB', 'w-cy', 5000]]);
  assert.match(disputes[0].message, /registrations w1-pubA, w2-pubB together claim 150\.00 % of PR in WORLD/);
  assert.equal(disputes[0].territories.length, 201);
});

test('matches a work by an archived ISWC', () => {
  const disputes = findDisputes([
    registered(work('w1', 'River', { iswc: 'T0345246801' }), 'pubA', [party('w-ana', 'writer', shares(10000))]),
    registered(work('w2', 'River', { iswc: 'T9000000013', archivedIswcs: ['T0345246801'] }), 'pubB', [party('w-bo', 'writer', shares(10000))]),
  ], partyName, keys, resolve);
  assert.equal(disputes.length, 3);
  assert.equal(disputes[0].matchedBy, 'iswc');
});

test('finds a dispute between works without ISWC with the same normalized title and creators', () => {
  const disputes = findDisputes([
    registered(work('w1', 'Canción del Río'), 'pubA', [party('w-ana', 'writer', shares(5000)), party('w-bo', 'writer', shares(5000))]),
    registered(work('w2', 'CANCION DEL RIO!'), 'pubB', [party('w-bo', 'writer', shares(2000, 0, 0)), party('w-ana2', 'writer', shares(2000, 0, 0)), party('pubB', 'publisher', shares(2000, 0, 0))]),
  ], partyName, keys, resolve);
  assert.deepEqual(disputes.map((d) => [d.right, d.total, d.matchedBy]), [['PR', 14000, 'title-and-creators']]);
});

test('does not join works with the same title but other creators', () => {
  const disputes = findDisputes([
    registered(work('w1', 'River'), 'pubA', [party('w-ana', 'writer', shares(10000))]),
    registered(work('w2', 'River'), 'pubB', [party('w-bo', 'writer', shares(10000))]),
  ], partyName, keys, resolve);
  assert.deepEqual(disputes, []);
});

test('reports no dispute when the same work\'s registrations stay within 100 %', () => {
  const disputes = findDisputes([
    registered(work('w1', 'River', { iswc: 'T0345246801' }), 'pubA', [party('w-ana', 'writer', shares(5000)), party('pubA', 'publisher', shares(5000))]),
    registered(work('w2', 'River', { iswc: 'T0345246801' }), 'pubB', [party('pubB', 'publisher', shares(0))]),
  ], partyName, keys, resolve);
  assert.deepEqual(disputes, []);
});

test('finds a dispute between registrations of one work', () => {
  const w = work('w1', 'River');
  const a = registered(w, 'pubA', [party('w-ana', 'writer', shares(5000)), party('pubA', 'publisher', shares(5000))]);
  const b = registered(w, 'pubB', [party('w-ana', 'writer', shares(5000)), party('pubB', 'publisher', shares(5000))]);
  const disputes = findDisputes([{ work: w, registrations: [...a.registrations, ...(b.registrations as Registration[])] }], partyName, keys, resolve);
  assert.deepEqual(disputes.map((d) => [d.matchedBy, d.total]), [['same-work', 15000], ['same-work', 15000], ['same-work', 15000]]);
  assert.deepEqual(disputes[0].claims.map((c) => [c.partyId, c.contested]), [['w-ana', false], ['pubA', true], ['pubB', true]]);
});

test('joins works by the registry\'s own title and name keys from match-key.ts', () => {
  const disputes = findDisputes([
    registered(work('w1', 'The River'), 'pubA', [party('w-ana', 'writer', shares(10000))]),
    registered(work('w2', 'River, The'), 'pubB', [party('w-ana2', 'writer', shares(10000))]),
  ], partyName, { titleKey, nameKey }, resolve);
  assert.deepEqual(disputes.map((d) => [d.right, d.matchedBy, d.workIds]), [
    ['PR', 'title-and-creators', ['w1', 'w2']],
    ['MR', 'title-and-creators', ['w1', 'w2']],
    ['SR', 'title-and-creators', ['w1', 'w2']],
  ]);
});
