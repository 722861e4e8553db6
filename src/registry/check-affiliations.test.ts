import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAffiliations, type AffiliationContext } from './check-affiliations.js';
import { findMembership } from './find-membership.js';
import { createTerritoryResolver, loadLookups, type TerritoryChain } from '../lookups/index.js';
import type { Member } from './member.js';
import type { Registration, RegistrationParty } from './registration.js';

const resolve = createTerritoryResolver(loadLookups().territories);
const chain = (...steps: string[]): TerritoryChain => steps.map((s) => ({ inclusion: s[0] as 'I' | 'E', tis: Number(s.slice(1)) }));
// The CMO is MCSC (119, China); its member represents the writer for PR in China only, from 2020 to 2024.
const members: Member[] = [{ id: 'm1', partyId: 'wr', rights: ['PR'], territories: chain('I156'), startDate: '2020-01-01', endDate: '2024-12-31' }];
const context = (date: string): AffiliationContext => ({ cmoSocietyCode: '119', members, date, resolve });
const writer = (affiliations: RegistrationParty['affiliations'], collection: RegistrationParty['collection'] = []): Registration => ({
  id: 'r1', workId: 'w1', submitter: { kind: 'sister', societyCode: '052' }, submitterWorkNumber: 'X', source: 'CWR', receivedAt: '2023-05-01',
  parties: [{ partyId: 'wr', kind: 'writer', role: 'CA', controlled: false, ownership: { PR: 10000, MR: 10000, SR: 10000 }, collection, affiliations }],
  publisherLinks: [],
});

test('finds a membership by party, right, country and date, and none outside them', () => {
  assert.equal(findMembership(members, 'wr', 'PR', 156, '2023-05-01', resolve)?.id, 'm1');
  assert.equal(findMembership(members, 'wr', 'PR', 156, '2024-12-31', resolve)?.id, 'm1');
  assert.equal(findMembership(members, 'wr', 'PR', 156, '2025-01-01', resolve), undefined);
  assert.equal(findMembership(members, 'wr', 'MR', 156, '2023-05-01', resolve), undefined);
  assert.equal(findMembership(members, 'wr', 'PR', 250, '2023-05-01', resolve), undefined);
  assert.equal(findMembership(members, 'other', 'PR', 156, '2023-05-01', resolve), undefined);
});

test('reports a party declaring another society for a right and territory where it is our member', () => {
  const findings = checkAffiliations(writer([{ societyCode: '52', right: 'PR' }]), context('2023-05-01'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0].code, 'CLEF_REGISTRY_AFFILIATION_CONFLICT');
  assert.equal(findings[0].severity, 'warning');
  assert.deepEqual(findings[0].territories, [156]);
  assert.match(findings[0].message, /party wr declares society 052 for PR, but the CMO's member records make it our member \(119\) for PR in CHINA on 2023-05-01; reported, not applied/);
});

test('accepts another society where the party is not our member: other right, other territory, or after the membership ended', () => {
  assert.deepEqual(checkAffiliations(writer([{ societyCode: '052', right: 'MR' }]), context('2023-05-01')), []);
  assert.deepEqual(checkAffiliations(writer([{ societyCode: '052', right: 'PR' }], [{ territories: chain('I2136', 'E156'), shares: { PR: 10000, MR: 10000, SR: 10000 } }]), context('2023-05-01')), []);
  assert.deepEqual(checkAffiliations(writer([{ societyCode: '052', right: 'PR' }]), context('2025-02-01')), []);
});

test('reports a party declaring our society where the member records hold no membership', () => {
  const findings = checkAffiliations(writer([{ societyCode: '119', right: 'MR' }]), context('2023-05-01'));
  assert.deepEqual(findings.map((f) => [f.code, f.right, f.location.value]), [['CLEF_REGISTRY_AFFILIATION_CONFLICT', 'MR', '119']]);
  assert.deepEqual(checkAffiliations(writer([{ societyCode: '119', right: 'PR' }]), context('2023-05-01')), []);
});
