import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameKey, titleKey } from './match-key.js';
import { searchScore } from './search-score.js';

const query = (text: string) => ({ titleKey: titleKey(text), nameKey: nameKey(text) });
const work = (title: string, ...creators: string[]) => ({ titleKeys: [titleKey(title)], creatorKeys: creators.map(nameKey) });

test('scores a title with a typo, an accent and an article change near the top', () => {
  assert.ok(searchScore(query('rivr of stars'), work('The River of Stars')).score > 0.85);
  assert.ok(searchScore(query('cafe del mar'), work('Café del Mar')).score === 1);
  assert.ok(searchScore(query('the river of stars'), work('River of Stars')).score === 1);
});

test('scores a surname alone, or with a typo, as the creator', () => {
  assert.deepEqual(searchScore(query('Lennon'), work('Yesterday', 'LENNON, JOHN')), { score: 0.95, matchedBy: 'creator' });
  const typo = searchScore(query('lenon'), work('Yesterday', 'LENNON, JOHN'));
  assert.equal(typo.matchedBy, 'creator');
  assert.ok(typo.score > 0.75 && typo.score < 0.95);
  assert.equal(searchScore(query('london'), work('Yesterday', 'LENNON, JOHN')).score < 0.5, true);
});

test('scores two Chinese characters found inside a title as a partial title match', () => {
  const { score, matchedBy } = searchScore(query('月亮'), work('月亮代表我的心'));
  assert.equal(matchedBy, 'title');
  assert.ok(score >= 0.6 && score < 1, String(score));
  assert.ok(searchScore(query('月光'), work('月亮代表我的心')).score < 0.5);
});

test('scores a different title low', () => {
  assert.ok(searchScore(query('golden hour'), work('River of Stars', 'SMITH, JANE')).score < 0.5);
});
