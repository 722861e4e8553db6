import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitMergedWord, wordSplits } from './merged-words.js';

test('a word run together from two stored terms, or an article and a term, is split at the first such point', () => {
  const stored = new Set(['river', 'moon', 'song', '1d95', 'heart', 'so']);
  assert.deepEqual(splitMergedWord('rivermoon', stored), ['river', 'moon']);
  assert.deepEqual(splitMergedWord('song1d95', stored), ['song', '1d95']);
  assert.deepEqual(splitMergedWord('theheart', stored), ['the', 'heart']);
  assert.equal(splitMergedWord('riverx', stored), undefined, 'a part of one letter is no stored term');
  assert.equal(splitMergedWord('thea', stored), undefined, 'two articles are no title');
  assert.equal(splitMergedWord('nothing', stored), undefined);
});

test('short words and Chinese characters are never split', () => {
  assert.deepEqual(wordSplits('ab'), []);
  assert.deepEqual(wordSplits('月亮代表'), []);
  assert.deepEqual(wordSplits('abc'), [['a', 'bc'], ['ab', 'c']]);
});
