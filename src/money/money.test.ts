import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCurrency } from './currency.js';
import { sumMoney } from './money.js';

const eur = parseCurrency('EUR');
const usd = parseCurrency('USD');

test('sums amounts of one currency exactly', () => {
  assert.deepEqual(sumMoney([{ micros: 1n, currency: eur }, { micros: 2n, currency: eur }], eur), { micros: 3n, currency: eur });
  assert.deepEqual(sumMoney([], eur), { micros: 0n, currency: eur });
});

test('refuses to add an amount in another currency', () => {
  assert.throws(() => sumMoney([{ micros: 1n, currency: eur }, { micros: 2n, currency: usd }], eur), {
    code: 'CLEF_MONEY_CURRENCY_MISMATCH',
    message: /USD .* EUR/,
  });
});
