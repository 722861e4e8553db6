import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidIcpn, parseIcpn, toGtin14 } from './icpn.js';

test('accepts the reference EAN-13 vector', () => {
  assert.deepEqual(parseIcpn('4006381333931'), { ok: true, value: '4006381333931' });
});

test('accepts a UPC-A and the same product as EAN-13 and GTIN-14, equal in GTIN-14 form', () => {
  const upc = parseIcpn('036000291452');
  const ean = parseIcpn('0036000291452');
  const gtin = parseIcpn('00036000291452');
  assert.ok(upc.ok && ean.ok && gtin.ok);
  assert.equal(toGtin14(upc.value), toGtin14(ean.value));
  assert.equal(toGtin14(ean.value), gtin.value);
});

test('rejects a wrong check digit and names the expected one', () => {
  const result = parseIcpn('4006381333932');
  assert.ok(!result.ok);
  assert.equal(result.reason, 'check digit should be 1, found 2');
  assert.equal(result.problem, 'check');
});

test('rejects fewer than 12 or more than 14 digits, and letters, as a shape problem', () => {
  for (const text of ['40063813339', '400638133393100', '40063813339A1']) {
    const result = parseIcpn(text);
    assert.ok(!result.ok && result.problem === 'shape', text);
  }
});

test('normalizes spaces, hyphens and a UPC or EAN label', () => {
  assert.ok(isValidIcpn('4 006381 333931'));
  assert.ok(isValidIcpn('EAN: 4006381-333931'));
  assert.ok(isValidIcpn('UPC 036000 29145 2'));
});
