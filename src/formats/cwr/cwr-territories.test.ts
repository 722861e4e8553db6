import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCwrLookups } from './load-cwr-lookups.js';

const { territories } = loadCwrLookups();
const step = (text: string) => ({ include: text[0] === 'I', tis: Number(text.slice(1)) });

test('the World less one country still covers something; the World excluded alone covers nothing', () => {
  assert.equal(territories.coversSomething(['I2136', 'E250'].map(step)), true);
  assert.equal(territories.coversSomething(['E2136'].map(step)), false);
  assert.equal(territories.coversSomething(['I2136', 'E2136'].map(step)), false);
});

test('a group is the union of its countries, nested groups included', () => {
  assert.equal(territories.coversSomething(['I826', 'E2120'].map(step)), false, 'the United Kingdom is in Europe');
  assert.equal(territories.coversSomething(['I2120', 'E826'].map(step)), true);
  assert.equal(territories.coversSomething(['I2100', 'E2136'].map(step)), false, 'Africa is in the World');
});

test('knows TIS codes of countries and groups and nothing else', () => {
  assert.equal(territories.has(2136), true);
  assert.equal(territories.has(276), true);
  assert.equal(territories.has(9999), false);
});
