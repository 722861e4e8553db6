import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkSearchIndex, type SearchableWork } from './work-search-index.js';
import { searchKeys } from './search-keys.js';

const work = (workId: string, titleKey: string, creators: string[] = []): SearchableWork => ({
  workId,
  iswc: null,
  title: titleKey.toUpperCase(),
  titleKeys: [titleKey],
  creators: creators.map((nameKey) => ({ name: nameKey.toUpperCase(), nameKey })),
});
const query = (text: string) => searchKeys(text);

test('the works holding the most query words come first, ties by work id, a typo a word tolerated', () => {
  const index = new WorkSearchIndex();
  index.put(work('W3', 'river of stars', ['anna smith']));
  index.put(work('W1', 'river song'));
  index.put(work('W2', 'stars above'));
  assert.deepEqual(index.candidates(query('rivr of stars'), 10), ['W3', 'W1', 'W2']);
  assert.deepEqual(index.candidates(query('smith'), 10), ['W3']);
  assert.deepEqual(index.candidates(query('nothing here'), 10), []);
  assert.deepEqual(index.candidates(query('river'), 1), ['W1']);
});

test('a work put again is replaced whole, and a removed work is no candidate', () => {
  const index = new WorkSearchIndex();
  index.put(work('W1', 'river song', ['anna smith']));
  index.put(work('W1', 'ocean song', ['anna jones']));
  assert.deepEqual(index.candidates(query('river'), 10), []);
  assert.deepEqual(index.candidates(query('smith'), 10), []);
  assert.deepEqual(index.candidates(query('ocean jones'), 10), ['W1']);
  assert.equal(index.work('W1')?.title, 'OCEAN SONG');
  index.remove('W1');
  assert.deepEqual(index.candidates(query('ocean'), 10), []);
  assert.equal(index.work('W1'), undefined);
  assert.equal(index.size, 0);
});

test('Chinese titles are found by any two neighbouring characters', () => {
  const index = new WorkSearchIndex();
  index.put(work('W1', '月亮代表我的心'));
  index.put(work('W2', '我的太阳'));
  assert.deepEqual(index.candidates(query('月亮'), 10), ['W1']);
  assert.deepEqual(index.candidates(query('我的'), 10), ['W1', 'W2']);
});
