import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { covers, createTerritoryResolver, loadLookups, type TerritoryChain } from '../lookups/index.js';
import { membershipRunsOn } from '../registry/find-membership.js';
import type { Right } from '../registry/right.js';
import type { RegistrySnapshot } from './distribution-input.js';
import { resolvePayee, type Payee } from './resolve-payee.js';

const resolve = createTerritoryResolver(loadLookups().territories);
const chains: TerritoryChain[] = [[{ inclusion: 'I', tis: 2136 }], [{ inclusion: 'I', tis: 2136 }, { inclusion: 'E', tis: 724 }], [{ inclusion: 'I', tis: 724 }]];
const parties = ['P1', 'P2', 'P3', 'P4'];
const societies = ['052', '021', '035'];
const rights: Right[] = ['PR', 'MR', 'SR'];
const dates = ['2024-01-01', '2024-06-30', '2025-01-01'];

const registryArb: fc.Arbitrary<RegistrySnapshot> = fc.record({
  members: fc.array(
    fc.record({ partyId: fc.constantFrom(...parties), rights: fc.subarray(rights), territories: fc.constantFrom(...chains), startDate: fc.constantFrom(...dates), endDate: fc.option(fc.constantFrom(...dates), { nil: undefined }) }),
    { maxLength: 8 },
  ).map((members) => members.map((m, i) => ({ id: `M${i}`, ...m }))),
  sisters: fc.array(fc.record({ societyCode: fc.constantFrom(...societies), rights: fc.subarray(rights), territories: fc.constantFrom(...chains) }), { maxLength: 4 }),
  affiliations: fc.array(fc.record({ partyId: fc.constantFrom(...parties), right: fc.constantFrom(...rights), societyCode: fc.constantFrom(...societies) }), { maxLength: 8 }),
}).map((r) => ({ works: new Map(), ...r }));

/** The payee by scanning every row, as runs found it before the payee index. */
function scannedPayee(registry: RegistrySnapshot, partyId: string, right: Right, tis: number, date: string): Payee {
  if (registry.members.some((m) => m.partyId === partyId && m.rights.includes(right) && membershipRunsOn(m, date) && covers(resolve(m.territories), tis))) return { kind: 'party' };
  const codes = registry.affiliations
    .filter((a) => a.partyId === partyId && a.right === right)
    .map((a) => a.societyCode)
    .filter((code) => registry.sisters.some((s) => s.societyCode === code && s.rights.includes(right) && covers(resolve(s.territories), tis)))
    .sort();
  return codes.length > 0 ? { kind: 'society', societyCode: codes[0] } : { kind: 'non_member' };
}

test('finds through the payee index the payee a scan of every member, affiliation and sister society finds', () => {
  fc.assert(
    fc.property(registryArb, fc.constantFrom(...parties), fc.constantFrom(...rights), fc.constantFrom(724, 250), fc.constantFrom(...dates), (registry, partyId, right, tis, date) => {
      assert.deepEqual(resolvePayee(registry, partyId, right, tis, date, resolve), scannedPayee(registry, partyId, right, tis, date));
    }),
    { numRuns: 500 },
  );
});

test('pays the smallest society code among a party\'s affiliations whose agreement covers the right and country', () => {
  const registry: RegistrySnapshot = {
    works: new Map(), members: [],
    sisters: [{ societyCode: '052', rights: ['PR'], territories: chains[0] }, { societyCode: '021', rights: ['MR'], territories: chains[0] }, { societyCode: '035', rights: ['PR'], territories: chains[2] }],
    affiliations: [{ partyId: 'P1', right: 'PR', societyCode: '052' }, { partyId: 'P1', right: 'PR', societyCode: '035' }, { partyId: 'P1', right: 'PR', societyCode: '021' }],
  };
  assert.deepEqual(resolvePayee(registry, 'P1', 'PR', 724, '2024-01-01', resolve), { kind: 'society', societyCode: '035' });
  assert.deepEqual(resolvePayee(registry, 'P1', 'PR', 250, '2024-01-01', resolve), { kind: 'society', societyCode: '052' });
  assert.deepEqual(resolvePayee(registry, 'P2', 'PR', 250, '2024-01-01', resolve), { kind: 'non_member' });
});
