import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLookups, type TerritoryChain } from '../lookups/index.js';
import type { Registration, RegistrationParty } from './registration.js';
import type { RightShares } from './share.js';
import { validateRegistration } from './validate-registration.js';
import type { Work } from './work.js';

const lookups = loadLookups();
const work: Work = { id: 'w1', title: 'SOMEWHERE', archivedIswcs: [], alternateTitles: [], versionType: 'ORI' };
const aiWork: Work = {
  ...work,
  id: 'w-ai',
  aiProvenance: {
    facets: { composition: 'ai_generated', lyrics: 'ai_generated', arrangement: 'not_applicable' },
    tools: [{ name: 'Suno', version: 'v4', outputTermsRef: 'https://suno.com/terms' }],
  },
};
const shares = (PR: number, MR = PR, SR = MR): RightShares => ({ PR, MR, SR });
const writer = (partyId: string, ownership: RightShares, extra: Partial<RegistrationParty> = {}): RegistrationParty => ({
  partyId, kind: 'writer', role: 'CA', controlled: true, ownership, collection: [], affiliations: [], ...extra,
});
const publisher = (partyId: string, ownership: RightShares, extra: Partial<RegistrationParty> = {}): RegistrationParty => ({
  partyId, kind: 'publisher', role: 'E', controlled: true, ownership, collection: [], affiliations: [], ...extra,
});
const registration = (parties: RegistrationParty[], extra: Partial<Registration> = {}): Registration => ({
  id: 'r1', workId: work.id, submitter: { kind: 'member', partyId: 'pub' }, submitterWorkNumber: 'SW1', source: 'CWR',
  receivedAt: '2025-01-01T00:00:00Z', parties, publisherLinks: [], ...extra,
});
const chain = (...steps: string[]): TerritoryChain =>
  steps.map((s) => ({ inclusion: s[0] as 'I' | 'E', tis: Number(s.slice(1)) }));
const codes = (r: Registration, w: Work = work): string[] => validateRegistration(w, r, lookups).map((f) => f.code);

test('accepts a writer and a publisher at 50 % each for every right', () => {
  assert.deepEqual(codes(registration([writer('wr', shares(5000)), publisher('pub', shares(5000))])), []);
});

test('accepts ownership totalling 0 % (a collection-only registration) and 99.94 % within tolerance', () => {
  assert.deepEqual(codes(registration([writer('wr', shares(0)), publisher('pub', shares(0))])), []);
  assert.deepEqual(codes(registration([writer('wr', shares(5000)), publisher('pub', shares(4994))])), []);
});

test('refuses ownership over 100 %, naming the work, registration, parties, right and numbers', () => {
  const findings = validateRegistration(work, registration([writer('wr', shares(6000, 5000, 5000)), publisher('pub', shares(5000))]), lookups);
  assert.equal(findings.length, 1);
  const [f] = findings;
  assert.equal(f.code, 'CLEF_REGISTRY_SHARES_INVALID');
  assert.equal(f.right, 'PR');
  assert.equal(f.workId, 'w1');
  assert.equal(f.registrationId, 'r1');
  assert.deepEqual(f.partyIds, ['wr', 'pub']);
  assert.equal(f.numbers.total, 11000);
  assert.match(f.message, /work w1 "SOMEWHERE", registration r1: PR ownership totals 110\.00 %.*wr 60\.00 %.*pub 50\.00 %/);
});

test('refuses ownership of 99.93 %, just outside the tolerance', () => {
  assert.deepEqual(codes(registration([writer('wr', shares(5000)), publisher('pub', shares(4993, 5000))])), ['CLEF_REGISTRY_SHARES_INVALID']);
});

test('refuses publishers owning 50.01 % of the performing right but not of the mechanical right', () => {
  const findings = validateRegistration(work, registration([writer('wr', shares(4999, 1000)), publisher('pub', shares(5001, 9000))]), lookups);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].right, 'PR');
  assert.deepEqual(findings[0].numbers, { publishers: 5001, limit: 5000 });
  assert.match(findings[0].message, /publishers own 50\.01 % of PR/);
});

test('accepts writers collecting 100.05 % in a territory and refuses 100.07 %', () => {
  const claim = (pr: number) => ({ collection: [{ territories: chain('I2136'), shares: shares(pr, 0, 0) }] });
  const ok = registration([writer('wr', shares(5000), claim(5000)), writer('wr2', shares(5000), claim(5005))]);
  assert.deepEqual(codes(ok), []);
  const over = validateRegistration(work, registration([writer('wr', shares(5000), claim(5000)), writer('wr2', shares(5000), claim(5007))]), lookups);
  assert.deepEqual(over.map((f) => [f.code, f.right, f.numbers.total]), [['CLEF_REGISTRY_SHARES_INVALID', 'PR', 10007]]);
  assert.match(over[0].message, /PR collection totals 100\.07 % in WORLD/);
});

test('a publisher collecting beyond its ownership is cut to it within the tolerance, as a replaced field', () => {
  const claim = (pr: number) => ({ collection: [{ territories: chain('I2136'), shares: shares(pr, 0, 0) }] });
  assert.deepEqual(codes(registration([writer('wr', shares(5000), claim(5000)), publisher('pub', shares(5000), claim(5006))])), []);
  const over = validateRegistration(work, registration([writer('wr', shares(5000), claim(5000)), publisher('pub', shares(5000), claim(5007))]), lookups);
  assert.deepEqual(over.map((f) => [f.code, f.severity, f.right, f.numbers]), [['CLEF_REGISTRY_COLLECTION_CAPPED', 'FR', 'PR', { claimed: 5007, kept: 5000 }]]);
  assert.deepEqual([over[0].location.recordType, over[0].location.field], ['SPT', 'PR Collection Share']);
});

test('finds over-collection only where territory chains overlap: World minus France plus a France claim is fine, a second World claim is not', () => {
  const exceptFrance = { collection: [{ territories: chain('I2136', 'E250'), shares: shares(10000) }] };
  const france = { collection: [{ territories: chain('I250'), shares: shares(10000) }] };
  assert.deepEqual(codes(registration([writer('wr', shares(5000), exceptFrance), writer('wr2', shares(5000), france)])), []);
  const europe = { collection: [{ territories: chain('I2120'), shares: shares(5000) }] };
  const findings = validateRegistration(work, registration([writer('wr', shares(5000), exceptFrance), publisher('pub', shares(5000), europe)]), lookups);
  assert.deepEqual([...new Set(findings.map((f) => f.code))], ['CLEF_REGISTRY_SHARES_INVALID']);
  assert.deepEqual(findings.map((f) => f.right), ['PR', 'MR', 'SR']);
  assert.equal(findings[0].territories?.includes(250), false);
  assert.equal(findings[0].territories?.includes(276), true);
});

test("a publisher's SPT collecting 60 % of PR keeps its 50 % ownership; of MR it takes 10 % from its writer", () => {
  const world = { collection: [{ territories: chain('I2136'), shares: shares(6000) }] };
  const findings = validateRegistration(work, registration([writer('wr', shares(5000)), publisher('pub', shares(5000), world)]), lookups);
  assert.deepEqual(findings.map((f) => [f.code, f.right, f.numbers]), [['CLEF_REGISTRY_COLLECTION_CAPPED', 'PR', { claimed: 6000, kept: 5000 }]]);
  assert.match(findings[0].message, /publishers may not collect the writers' share of PR/);
});

test('refuses an unknown role and an unknown territory', () => {
  const r = registration([
    writer('wr', shares(5000), { role: 'XX' }),
    publisher('pub', shares(5000), { collection: [{ territories: chain('I2136', 'E9999'), shares: shares(5000) }] }),
  ]);
  const findings = validateRegistration(work, r, lookups);
  assert.deepEqual(findings.map((f) => f.code), ['CLEF_REGISTRY_ROLE_UNKNOWN', 'CLEF_REGISTRY_TERRITORY_UNKNOWN']);
  assert.equal(findings[0].location.value, 'XX');
  assert.equal(findings[1].location.value, '9999');
});

test('accepts PA as a publisher type and as a writer designation', () => {
  assert.deepEqual(codes(registration([writer('wr', shares(5000), { role: 'PA' }), publisher('pub', shares(5000), { role: 'PA' })])), []);
});

test('refuses a share that is not an integer between 0 and 10000', () => {
  assert.ok(codes(registration([writer('wr', shares(10001, 5000)), publisher('pub', shares(-1, 5000))])).includes('CLEF_REGISTRY_SHARES_INVALID'));
  assert.ok(codes(registration([writer('wr', shares(5000.5, 5000)), publisher('pub', shares(4999.5, 5000))])).includes('CLEF_REGISTRY_SHARES_INVALID'));
});

test('refuses a publisher link naming a party the registration does not name', () => {
  const r = registration([writer('wr', shares(5000)), publisher('pub', shares(5000))], {
    publisherLinks: [{ writerPartyId: 'wr', publisherPartyId: 'other', agreementNumber: 'A1' }],
  });
  const findings = validateRegistration(work, r, lookups);
  assert.deepEqual(findings.map((f) => [f.code, f.partyIds]), [['CLEF_REGISTRY_PARTY_UNKNOWN', ['other']]]);
});

test('refuses a human work registered without a writer', () => {
  assert.deepEqual(codes(registration([publisher('pub', shares(5000))])), ['CLEF_REGISTRY_AUTHOR_MISSING', 'CLEF_REGISTRY_SHARES_INVALID', 'CLEF_REGISTRY_SHARES_INVALID', 'CLEF_REGISTRY_SHARES_INVALID']);
});

test('accepts a fully AI-generated work claimed wholly by its producer, and flags it', () => {
  const r = registration([publisher('producer', shares(10000), { role: 'E' })], { workId: aiWork.id });
  const findings = validateRegistration(aiWork, r, lookups);
  assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['CLEF_REGISTRY_AI_GENERATED_WORK', 'warning']]);
  assert.match(findings[0].message, /without a human author, claimed by producer/);
});

test('an AI-assisted work needs its human authors like any work', () => {
  const assisted: Work = { ...aiWork, aiProvenance: { ...aiWork.aiProvenance!, facets: { composition: 'ai_assisted', lyrics: 'human', arrangement: 'not_applicable' } } };
  assert.deepEqual(codes(registration([publisher('producer', shares(5000)), publisher('operator', shares(0), { role: 'PA' })]), assisted)[0], 'CLEF_REGISTRY_AUTHOR_MISSING');
  assert.deepEqual(codes(registration([writer('human', shares(5000)), publisher('operator', shares(5000), { role: 'PA' })]), assisted), []);
});
