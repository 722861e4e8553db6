import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareCandidates, planHits, planSearch, queryWords, standsFor } from './search-plan.js';
import { wordEditDistance } from './title-similarity.js';

test('a leading article the title key dropped counts only as written', () => {
  assert.deepEqual(queryWords({ titleKey: 'river moon', nameKey: 'moon river the' }), [
    { key: 'river', typos: true },
    { key: 'moon', typos: true },
    { key: 'the', typos: false },
  ]);
});

test('rare terms are read until the budget, at least the rarest; works rank by query words held, then held as written', () => {
  const slots = [
    { word: 'river', terms: [{ term: 'river', works: 70_000 }] },
    { word: '29k', terms: [{ term: '29k', works: 1 }, { term: '2n9k', works: 1 }, { term: 'li', works: 90_000 }] },
  ];
  const plan = planSearch(slots);
  assert.deepEqual(plan.read, ['29k', '2n9k']);
  assert.deepEqual(planSearch([slots[0]!]).read, ['river'], 'the rarest term is read whatever its size');
  assert.deepEqual(planHits(plan, ['river', '2n9k', 'x']), { held: 2, exact: 1 });
  assert.deepEqual(planHits(plan, ['29k']), { held: 1, exact: 1 });
  assert.deepEqual(planHits(plan, ['li', '2n9k']), { held: 1, exact: 0 }, 'two terms of one word count once');
  const ranked = [
    { workId: 'W3', held: 1, exact: 1 },
    { workId: 'W2', held: 2, exact: 1 },
    { workId: 'W1', held: 1, exact: 1 },
    { workId: 'W0', held: 1, exact: 0 },
  ].sort(compareCandidates);
  assert.deepEqual(ranked.map((hit) => hit.workId), ['W2', 'W1', 'W3', 'W0']);
});

test('a term stands for a query word exactly when they are at most one edit apart', () => {
  const words = ['moon', 'mon', 'moan', 'omon', 'mooon', 'noom', 'mo', 'm', '', 'moonx', 'xmoon', 'mnoo', '2n9k', '29k', 'n29k', '2n9', '月亮', '月', 'café', 'cafe'];
  for (const a of words) for (const b of words) assert.equal(standsFor(a, b), wordEditDistance(a, b) <= 1, `${a} ~ ${b}`);
});
