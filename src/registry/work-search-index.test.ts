import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkSearchIndex, type SearchableWork } from './work-search-index.js';
import { searchKeys } from './search-keys.js';
import { planSearch } from './search-plan.js';

const work = (workId: string, titleKey: string, creators: string[] = []): SearchableWork => ({
  workId,
  iswc: null,
  title: titleKey.toUpperCase(),
  titleKeys: [titleKey],
  creators: creators.map((nameKey) => ({ name: nameKey.toUpperCase(), nameKey })),
});
const find = (index: WorkSearchIndex, text: string, limit: number) => index.candidates(planSearch(index.slots(searchKeys(text).map((key) => ({ key, typos: true })))), limit);

test('the works holding the most query words come first, then those holding more as written, ties by work id, a typo a word tolerated', () => {
  const index = new WorkSearchIndex();
  index.put(work('W3', 'river of stars', ['anna smith']));
  index.put(work('W1', 'river song'));
  index.put(work('W2', 'stars above'));
  assert.deepEqual(find(index, 'rivr of stars', 10), ['W3', 'W2', 'W1']);
  assert.deepEqual(find(index, 'smith', 10), ['W3']);
  assert.deepEqual(find(index, 'nothing here', 10), []);
  assert.deepEqual(find(index, 'river', 1), ['W1']);
});

test('a work put again is replaced whole, and a removed work is no candidate', () => {
  const index = new WorkSearchIndex();
  index.put(work('W1', 'river song', ['anna smith']));
  index.put(work('W1', 'ocean song', ['anna jones']));
  assert.deepEqual(find(index, 'river', 10), []);
  assert.deepEqual(find(index, 'smith', 10), []);
  assert.deepEqual(find(index, 'ocean jones', 10), ['W1']);
  assert.equal(index.work('W1')?.title, 'OCEAN SONG');
  index.remove('W1');
  assert.deepEqual(find(index, 'ocean', 10), []);
  assert.equal(index.work('W1'), undefined);
  assert.equal(index.size, 0);
});

test('Chinese titles are found by any two neighbouring characters', () => {
  const index = new WorkSearchIndex();
  index.put(work('W1', '月亮代表我的心'));
  index.put(work('W2', '我的太阳'));
  assert.deepEqual(find(index, '月亮', 10), ['W1']);
  assert.deepEqual(find(index, '我的', 10), ['W1', 'W2']);
});

test('the rarest word finds the candidates and the common words rank them: a work holding every word first, as written before a typo away', () => {
  const index = new WorkSearchIndex();
  for (let i = 0; i < 12_000; i++) index.put(work(`C${String(i).padStart(5, '0')}`, `river ${i % 2 === 0 ? 'moon' : 'star'} x${i}`));
  index.put(work('W1', 'river moon 2n9k'));
  index.put(work('W2', 'ocean sky 9k'));
  index.put(work('W3', 'river moon 29kx'));
  index.put(work('W4', 'river star 29k'));
  const plan = planSearch(index.slots(searchKeys('river moon 29k').map((key) => ({ key, typos: true }))));
  assert.ok(plan.read.includes('29k') && plan.read.includes('2n9k'), 'the rare terms are read');
  assert.ok(!plan.read.includes('river') && !plan.read.includes('moon'), 'the common ones are only looked for');
  assert.deepEqual(index.candidates(plan, 10), ['W1', 'W3', 'W4', 'W2']);
});

test('a word allowed no typos stands only for itself', () => {
  const index = new WorkSearchIndex();
  index.put(work('W1', 'river thx'));
  assert.deepEqual(index.slots([{ key: 'the', typos: false }]), [{ word: 'the', terms: [] }]);
  assert.deepEqual(index.slots([{ key: 'the', typos: true }]), [{ word: 'the', terms: [{ term: 'thx', works: 1 }] }]);
});
