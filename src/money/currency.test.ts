import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixturePath } from '../../test/support/repo-paths.js';
import { isCurrency, parseCurrency } from './currency.js';

test('accepts current ISO 4217 codes in any case and stores them in capitals', () => {
  assert.equal(parseCurrency('EUR'), 'EUR');
  assert.equal(parseCurrency(' usd '), 'USD');
  assert.ok(isCurrency('JPY'));
});

test('refuses withdrawn, made-up and malformed codes', () => {
  for (const text of ['DEM', 'ABC', 'EURO', '', '€']) {
    assert.throws(() => parseCurrency(text), { code: 'CLEF_MONEY_CURRENCY_INVALID' }, text);
  }
  assert.equal(isCurrency('usd'), false);
});

test('accepts the currency of every summary record of the UGC DSR fixture', () => {
  const text = readFileSync(fixturePath('dsr', 'DSR_TEST2_YouTube_AdSupport-music_2015-Q4_IS_1of1_20160121T150926.tsv'), 'utf8');
  const currencies = text.split('\n').filter((line) => line.startsWith('SY02')).map((line) => line.split('\t')[10]);
  assert.ok(currencies.length > 0);
  for (const currency of currencies) assert.equal(parseCurrency(currency), currency);
});
