import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isClefError } from '../errors/clef-error.js';
import { loadLookups } from './load-lookups.js';
import {
  countriesOf,
  covers,
  intersectTerritories,
  isEmptyTerritorySet,
  resolveTerritories,
  subtractTerritories,
  territoryCount,
  territorySetKey,
  unknownTerritories,
  worldSet,
} from './territory-set.js';

const table = loadLookups().territories;
const france = table.tisByIso.get('FR')!;
const germany = table.tisByIso.get('DE')!;

test('resolves the World to every current country', () => {
  const world = resolveTerritories(table, [{ inclusion: 'I', tis: 2136 }]);
  assert.equal(territoryCount(world), table.tisByIso.size);
  assert.ok(covers(world, france));
  assert.ok(covers(world, 2136));
});

test('reads a chain in order: the World except France covers Germany but not France', () => {
  const chain = [
    { inclusion: 'I' as const, tis: 2136 },
    { inclusion: 'E' as const, tis: 250 },
  ];
  const set = resolveTerritories(table, chain);
  assert.equal(france, 250);
  assert.equal(covers(set, 250), false);
  assert.equal(covers(set, germany), true);
  assert.equal(covers(set, 2136), false);
  assert.equal(territoryCount(set), territoryCount(worldSet(table)) - 1);
});

test('an include after an exclude adds the country back', () => {
  const set = resolveTerritories(table, [
    { inclusion: 'I', tis: 2120 },
    { inclusion: 'E', tis: 2123 },
    { inclusion: 'I', tis: 276 },
  ]);
  assert.ok(covers(set, 276));
  assert.equal(covers(set, 250), false);
  assert.ok(covers(set, table.tisByIso.get('NO')!));
});

test('a group contains its nested groups\' countries (America contains Central America)', () => {
  const america = resolveTerritories(table, [{ inclusion: 'I', tis: 2101 }]);
  assert.ok(covers(america, 2113));
  assert.ok(covers(america, table.tisByIso.get('CR')!));
  assert.equal(covers(america, 250), false);
});

test('rejects an unknown territory code with CLEF_REGISTRY_TERRITORY_UNKNOWN', () => {
  const chain = [
    { inclusion: 'I' as const, tis: 2136 },
    { inclusion: 'E' as const, tis: 9999 },
  ];
  assert.deepEqual(unknownTerritories(table, chain), [9999]);
  assert.throws(() => resolveTerritories(table, chain), (e) => isClefError(e, 'CLEF_REGISTRY_TERRITORY_UNKNOWN'));
});

test('combines sets: intersection, difference, emptiness and equal keys for equal sets', () => {
  const europe = resolveTerritories(table, [{ inclusion: 'I', tis: 2120 }]);
  const eu = resolveTerritories(table, [{ inclusion: 'I', tis: 2123 }]);
  const cyprus = table.tisByIso.get('CY')!;
  assert.deepEqual(countriesOf(subtractTerritories(eu, europe)), [cyprus], 'TIS places Cyprus outside Europe');
  const euWithoutCyprus = resolveTerritories(table, [
    { inclusion: 'I', tis: 2123 },
    { inclusion: 'E', tis: cyprus },
  ]);
  assert.equal(territorySetKey(intersectTerritories(europe, eu)), territorySetKey(euWithoutCyprus));
  const nonEu = subtractTerritories(europe, eu);
  assert.equal(covers(nonEu, 250), false);
  assert.ok(covers(nonEu, table.tisByIso.get('CH')!));
  assert.ok(isEmptyTerritorySet(intersectTerritories(nonEu, eu)));
  assert.notEqual(territorySetKey(nonEu), territorySetKey(eu));
  assert.deepEqual(countriesOf(resolveTerritories(table, [{ inclusion: 'I', tis: 2110 }])), [56, 442, 528]);
});
