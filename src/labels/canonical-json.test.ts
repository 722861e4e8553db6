import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalizeJson } from './canonical-json.js';

test('sorts keys by UTF-16 code units and drops whitespace, as RFC 8785 section 3.2.3 shows', () => {
  // The sorting example of RFC 8785: keys sort by UTF-16 code units, not by code points or locale.
  const input = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
  // Keys are read from the text itself: Object.keys would put the integer-like key first again.
  const keys = [...canonicalizeJson(input).matchAll(/"((?:[^"\\]|\\.)*)":/g)].map((m) => JSON.parse(`"${m[1]}"`));
  assert.deepEqual(keys, ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
});

test('serializes numbers and strings like the RFC 8785 example', () => {
  const input = JSON.parse('{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}');
  assert.equal(
    canonicalizeJson(input),
    '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
  );
});

test('canonicalizes nested objects regardless of the key order they were written in', () => {
  assert.equal(canonicalizeJson({ b: { y: 1, x: [2, { d: 1, c: 0 }] }, a: '' }), canonicalizeJson({ a: '', b: { x: [2, { c: 0, d: 1 }], y: 1 } }));
  assert.equal(canonicalizeJson({ b: 1, a: 2 }), '{"a":2,"b":1}');
});

test('refuses values JSON cannot represent', () => {
  assert.throws(() => canonicalizeJson({ n: Number.NaN }), TypeError);
  assert.throws(() => canonicalizeJson(10n), TypeError);
});
