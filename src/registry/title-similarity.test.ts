import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixturePath } from '../../test/support/repo-paths.js';
import { titleKey } from './match-key.js';
import { titleSimilarity } from './title-similarity.js';

function similarity(a: string, b: string): number {
  return titleSimilarity(titleKey(a), titleKey(b));
}

test('scores equal keys 1, whatever case, accents, punctuation and articles the titles had', () => {
  assert.equal(similarity('The River', 'river'), 1);
  assert.equal(similarity('BÉSAME MUCHO', 'Besame Mucho!'), 1);
  assert.equal(similarity('Hey Jude - Remastered 2015', 'HEY JUDE'), 1);
});

test('scores one-letter typos above 0.85', () => {
  const typos: [string, string][] = [
    ['Rivr of Stars', 'River of Stars'],
    ['Smels Like Teen Spirit', 'Smells Like Teen Spirit'],
    ['Bohemian Rapsody', 'Bohemian Rhapsody'],
    ['Stairway to Heavn', 'Stairway to Heaven'],
  ];
  for (const [a, b] of typos) assert.ok(similarity(a, b) > 0.85, `${a} / ${b}: ${similarity(a, b)}`);
});

test('scores swapped adjacent letters as one edit, above 0.85', () => {
  for (const [a, b] of [['Rievr of Stars', 'River of Stars'], ['Bohemain Rhapsody', 'Bohemian Rhapsody']]) {
    assert.ok(similarity(a, b) > 0.85, `${a} / ${b}: ${similarity(a, b)}`);
  }
});

test('scores different titles low', () => {
  const different: [string, string][] = [
    ['River of Stars', 'Rivers of Babylon'],
    ['Hey Jude', 'Hey You'],
    ['Purple Rain', 'Purple Haze'],
    ['One', 'Two'],
    ['Let It Be', 'Let It Go'],
    ['Sexual Healing', 'All I Want Is You'],
  ];
  for (const [a, b] of different) assert.ok(similarity(a, b) < 0.75, `${a} / ${b}: ${similarity(a, b)}`);
});

test('ranks the typo above a different title sharing words with it', () => {
  assert.ok(similarity('Rivr of Stars', 'River of Stars') > similarity('Rivr of Stars', 'Rivers of Babylon'));
  assert.ok(similarity('Rivr of Stars', 'River of Stars') > similarity('Rivr of Stars', 'River of Dreams'));
});

test('is symmetric and stays within 0 and 1', () => {
  const titles = ['Rivr of Stars', 'River of Stars', 'Let It Be', 'Yesterday', 'Sexual Healing', 'ガンダム', ''];
  for (const a of titles) {
    for (const b of titles) {
      const score = titleSimilarity(titleKey(a), titleKey(b));
      assert.ok(score >= 0 && score <= 1, `${a} / ${b}`);
      assert.equal(score, titleSimilarity(titleKey(b), titleKey(a)));
    }
  }
});

test('scores an empty key 0 against any title', () => {
  assert.equal(titleSimilarity('', 'river'), 0);
});

test('scores each UGC DSR recording title against its work title the way a person would', () => {
  const text = readFileSync(fixturePath('dsr', 'DSR_TEST_YouTube_AdSupport-music_2015-Q4_IS_1of1_20160121T150926.tsv'), 'utf8');
  const lines = text.split('\n').map((line) => line.split('\t'));
  const scores = new Map<string, number>();
  for (const resource of lines.filter((cells) => cells[0] === 'AS01')) {
    const work = lines.find((cells) => cells[0] === 'MW01.01' && cells[1] === resource[1]);
    if (work) scores.set(resource[5], similarity(resource[5], work[4]));
  }
  assert.equal(scores.get('Sexual Healing'), 1);
  assert.ok(scores.get('All I Want Is You Audio Only')! > 0.6, 'a longer display title of the same work');
  assert.ok(scores.get('This Bitter Earth / On The Nature Of Daylight')! > 0.5, 'a medley naming the work first');
});
