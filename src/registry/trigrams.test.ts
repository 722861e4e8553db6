import { test } from 'node:test';
import assert from 'node:assert/strict';
import { titleKey } from './match-key.js';
import { tokens, trigrams } from './trigrams.js';

test('splits a key into its words in order', () => {
  assert.deepEqual(tokens('river of stars'), ['river', 'of', 'stars']);
  assert.deepEqual(tokens(''), []);
});

test('pads each word like pg_trgm, so a two-letter word still gives trigrams', () => {
  assert.deepEqual(trigrams('of'), ['  o', ' of', 'of ']);
  assert.deepEqual(trigrams('river'), ['  r', ' ri', 'riv', 'ive', 'ver', 'er ']);
});

test('returns each trigram once', () => {
  const found = trigrams('la la land');
  assert.equal(new Set(found).size, found.length);
  assert.deepEqual(trigrams('aaaa'), ['  a', ' aa', 'aaa', 'aa ']);
});

test('counts code points, so titles outside the Basic Multilingual Plane are not split mid-character', () => {
  assert.deepEqual(trigrams('𝄞𝄢'), ['  𝄞', ' 𝄞𝄢', '𝄞𝄢 ']);
});

test('shares most trigrams between a title and its one-letter typo', () => {
  const correct = new Set(trigrams(titleKey('River of Stars')));
  const typo = trigrams(titleKey('Rivr of Stars'));
  const shared = typo.filter((trigram) => correct.has(trigram)).length;
  assert.ok(shared >= 0.8 * typo.length, `${shared} of ${typo.length}`);
});
