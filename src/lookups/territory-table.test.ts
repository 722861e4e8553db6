import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { repoRoot } from '../../test/support/repo-paths.js';
import { buildTerritoryTable } from './territory-table.js';
import { covers, resolveTerritories, territoryCount } from './territory-set.js';

const rows = (name: string): string[][] =>
  parse(readFileSync(join(repoRoot, 'data', 'lookups', name), 'utf8'), { relax_column_count: true }) as string[][];
const territoryRows = rows('tis-territories.csv');
const treeRows = rows('tis-tree.csv');

test('takes the current group memberships by default: the United Kingdom left the European Union', () => {
  const table = buildTerritoryTable(territoryRows, treeRows);
  const eu = resolveTerritories(table, [{ inclusion: 'I', tis: 2123 }]);
  assert.equal(covers(eu, 826), false);
  assert.equal(territoryCount(eu), 27);
});

test('takes the memberships valid on an earlier date when asked', () => {
  const table = buildTerritoryTable(territoryRows, treeRows, '2019-06-01');
  assert.ok(covers(resolveTerritories(table, [{ inclusion: 'I', tis: 2123 }]), 826));
  const before1990 = buildTerritoryTable(territoryRows, treeRows, '1985-01-01');
  assert.ok(covers(resolveTerritories(before1990, [{ inclusion: 'I', tis: 2136 }]), 278));
  assert.equal(covers(resolveTerritories(before1990, [{ inclusion: 'I', tis: 2136 }]), 276), false);
});

test('maps ISO alpha-2 codes to the TIS code of the country existing on the date', () => {
  const table = buildTerritoryTable(territoryRows, treeRows);
  assert.equal(table.tisByIso.get('ET'), 231);
  assert.equal(table.tisByIso.get('FR'), 250);
  assert.equal(table.names.get(2136), 'WORLD');
});

test('a row belongs to the nearest row above it with a lower level', () => {
  const tree = [
    ['1', '2900', '01.01.1000', '31.12.3999', 'GEOGRAPHICAL COUNTRY-GROUP', '2XA', '', '', '', 'OUTER'],
    ['2', '2901', '01.01.1000', '31.12.3999', 'GEOGRAPHICAL COUNTRY-GROUP', '2XB', '', '01.01.1000', '31.12.3999', 'INNER'],
    ['3', '1', '01.01.1000', '31.12.3999', 'COUNTRY', 'AA', 'AAA', '01.01.1000', '31.12.3999', 'ONE'],
    ['2', '2', '01.01.1000', '31.12.3999', 'COUNTRY', 'BB', 'BBB', '01.01.1000', '31.12.2000', 'TWO'],
    ['1', '2902', '01.01.1000', '31.12.3999', 'GEOGRAPHICAL COUNTRY-GROUP', '2XC', '', '', '', 'OTHER'],
    ['2', '3', '01.01.1000', '31.12.3999', 'COUNTRY', 'CC', 'CCC', '01.01.1000', '31.12.3999', 'THREE'],
  ];
  const table = buildTerritoryTable([], tree);
  const outer = resolveTerritories(table, [{ inclusion: 'I', tis: 2900 }]);
  assert.equal(covers(outer, 1), true);
  assert.equal(covers(outer, 2), false, 'membership ended in 2000');
  assert.equal(covers(outer, 3), false);
  assert.equal(covers(resolveTerritories(table, [{ inclusion: 'I', tis: 2901 }]), 1), true);
  const in1999 = buildTerritoryTable([], tree, '1999-01-01');
  assert.equal(covers(resolveTerritories(in1999, [{ inclusion: 'I', tis: 2900 }]), 2), true);
});
