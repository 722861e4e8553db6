import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barChartSvg } from './bar-chart-svg.js';
import { formatMoney } from './locale-format.js';
import { messageKeys, negotiateLocale, translator } from './message-catalogue.js';

test('English and Chinese catalogues have the same keys', () => {
  assert.deepEqual(messageKeys('zh'), messageKeys('en'));
});

test('a remembered language wins over the browser\'s; Chinese browsers get Chinese; others English', () => {
  assert.equal(negotiateLocale('en', 'zh-CN,zh;q=0.9'), 'en');
  assert.equal(negotiateLocale(undefined, 'zh-CN,zh;q=0.9'), 'zh');
  assert.equal(negotiateLocale(undefined, 'fr-FR,en;q=0.5'), 'en');
  assert.equal(negotiateLocale('xx', undefined), 'en');
});

test('messages fill their placeholders in each language', () => {
  assert.equal(translator('en')('search.none', { q: 'x' }), 'Nothing found for “x”.');
  assert.equal(translator('zh')('search.none', { q: 'x' }), '没有找到“x”。');
});

test('money is formatted from the exact decimal text, not a float', () => {
  assert.equal(formatMoney('12345678901234.565', 'CNY', 'en'), 'CN¥12,345,678,901,234.57');
  assert.equal(formatMoney('0.105', 'EUR', 'en'), '€0.11');
  assert.equal(formatMoney('132.111747', 'CNY', 'zh'), '¥132.11');
});

test('chart labels from outside are escaped in the SVG', () => {
  const svg = barChartSvg('t', [{ label: '<script>alert(1)</script>', value: 5n, text: '"x"' }]);
  assert.ok(!svg.includes('<script>'));
  assert.ok(svg.includes('&lt;script&gt;'));
  assert.ok(svg.includes('&quot;x&quot;'));
});
