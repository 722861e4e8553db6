import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameKey, titleKey } from './match-key.js';
import { isCharacterKey, searchKeys, termVariants } from './search-keys.js';

test('keys a Latin title by its words, each once', () => {
  assert.deepEqual(searchKeys(titleKey('The River of Stars')), ['river', 'of', 'stars']);
  assert.deepEqual(searchKeys('la la land'), ['la', 'land']);
});

test('keys a creator name word by word, so a surname alone is a key', () => {
  assert.deepEqual(searchKeys(nameKey('LENNON, JOHN WINSTON')).sort(), ['john', 'lennon', 'winston']);
});

test('keys Chinese text by neighbouring character pairs, so a two-character query is a key of the title', () => {
  const keys = searchKeys(titleKey('月亮代表我的心'));
  assert.deepEqual(keys, ['月亮', '亮代', '代表', '表我', '我的', '的心']);
  assert.ok(searchKeys(titleKey('月亮')).every((key) => keys.includes(key)));
});

test('keeps a lone CJK character as its own key and splits mixed words into their scripts', () => {
  assert.deepEqual(searchKeys('心'), ['心']);
  assert.deepEqual(searchKeys('love月亮'), ['月亮', 'love']);
  assert.deepEqual(searchKeys(titleKey('サクラ サクラ')), ['サク', 'クラ']);
});

test('tells character keys from words', () => {
  assert.equal(isCharacterKey('月亮'), true);
  assert.equal(isCharacterKey('river'), false);
  assert.equal(isCharacterKey('love月'), false);
});

test('gives a term with each of its letters left out, so words one edit apart share a form', () => {
  assert.deepEqual(termVariants('moon'), ['moon', 'oon', 'mon', 'moo']);
  assert.deepEqual(termVariants('of'), ['of']);
  assert.deepEqual(termVariants('月亮'), ['月亮']);
  const shared = (a: string, b: string) => termVariants(a).some((form) => termVariants(b).includes(form));
  assert.ok(shared('lennon', 'lenon'), 'a letter dropped');
  assert.ok(shared('lennon', 'lennonn'), 'a letter added');
  assert.ok(shared('lennon', 'lemnon'), 'a letter changed');
  assert.ok(shared('lennon', 'lennno'), 'two letters swapped');
  assert.ok(!shared('lennon', 'london'));
});
