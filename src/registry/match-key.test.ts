import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixturePath } from '../../test/support/repo-paths.js';
import { artistKey, artistKeys, nameKey, titleKey, versionHint } from './match-key.js';

test('ignores case, accents and compatibility forms', () => {
  assert.equal(titleKey('SEXUAL HEALING'), titleKey('Sexual Healing'));
  assert.equal(titleKey('Ça plane pour moi'), 'ca plane pour moi');
  assert.equal(titleKey('Ｆｕｌｌｗｉｄｔｈ'), 'fullwidth');
  assert.equal(artistKey('Beyoncé'), 'beyonce');
  assert.equal(artistKey('Sigur Rós'), 'sigur ros');
});

test('folds letters that carry no separate accent: ß, æ, ø, ł', () => {
  assert.equal(titleKey('Straße'), 'strasse');
  assert.equal(titleKey('Ærø Łódź'), 'aero lodz');
  assert.equal(artistKey('Mø'), 'mo');
});

test('keeps the marks of kana and Hangul, which are part of the letters', () => {
  assert.equal(titleKey('ガンダム'), 'ガンダム');
  assert.notEqual(titleKey('ガ'), titleKey('カ'));
  assert.equal(titleKey('사랑해'), '사랑해');
  assert.equal(titleKey('夜に駆ける'), '夜に駆ける');
});

test('turns punctuation into spaces, drops apostrophes, joins dotted initials and reads & as and', () => {
  assert.equal(titleKey("Don't Stop Me Now!"), 'dont stop me now');
  assert.equal(titleKey('Rock & Roll'), titleKey('Rock and Roll'));
  assert.equal(titleKey('Hello,   Goodbye...'), 'hello goodbye');
  assert.equal(artistKey('R.E.M.'), artistKey('REM'));
});

test('drops one leading article in several languages, and a catalogue-style trailing one', () => {
  assert.equal(titleKey('The River'), titleKey('River'));
  assert.equal(titleKey('River, The'), 'river');
  assert.equal(titleKey("L'Amour Toujours"), 'amour toujours');
  assert.equal(titleKey('La Vie en rose'), 'vie en rose');
  assert.equal(titleKey('Der Kommissar'), 'kommissar');
  assert.equal(titleKey('Het Dorp'), 'dorp');
  assert.equal(titleKey('A Day in the Life'), 'day in the life');
});

test('keeps an article that is the whole title', () => {
  assert.equal(titleKey('The'), 'the');
});

test('keeps bracketed version information and version suffixes out of the key', () => {
  assert.equal(titleKey('The River (Remastered 2011)'), 'river');
  assert.equal(titleKey('Hey Jude - Remastered 2015'), 'hey jude');
  assert.equal(titleKey('Under Pressure - 2011 Remaster'), 'under pressure');
  assert.equal(titleKey('Yesterday - Live'), 'yesterday');
  assert.equal(titleKey('Despacito (feat. Justin Bieber) [Remix]'), 'despacito');
  assert.equal(titleKey('Crazy in Love feat. JAY-Z'), 'crazy in love');
  assert.equal(titleKey('Bésame Mucho (En Vivo)'), 'besame mucho');
});

test('keeps brackets that are part of the title', () => {
  assert.equal(titleKey("(I Can't Get No) Satisfaction"), 'i cant get no satisfaction');
  assert.equal(titleKey('Another Brick in the Wall (Part 2)'), 'another brick in the wall part 2');
  assert.equal(titleKey('Rock - Paper - Scissors'), 'rock paper scissors');
});

test('offers the version information as a hint', () => {
  assert.equal(versionHint('The River (Remastered 2011)'), 'remastered 2011');
  assert.equal(versionHint('Song (feat. X) - Live'), 'feat x live');
  assert.equal(versionHint('The River'), undefined);
});

test('splits featured artists off the main artist', () => {
  assert.equal(artistKey('Beyoncé feat. Jay-Z'), 'beyonce');
  assert.deepEqual(artistKeys('Beyoncé feat. Jay-Z'), ['beyonce', 'jay z']);
  assert.deepEqual(artistKeys('Beyoncé (feat. Jay-Z)'), ['beyonce', 'jay z']);
  assert.deepEqual(artistKeys('Skrillex x Diplo ft. Justin Bieber'), ['skrillex', 'diplo', 'justin bieber']);
  assert.deepEqual(artistKeys('Calvin Harris with Dua Lipa'), ['calvin harris', 'dua lipa']);
  assert.equal(artistKey('Simon & Garfunkel'), artistKey('Simon and Garfunkel'));
});

test('keeps names that only look like credits in one piece', () => {
  assert.equal(artistKey('Malcolm X'), 'malcolm x');
  assert.equal(artistKey('AC/DC'), 'ac dc');
});

test('drops the article of a band name in either position', () => {
  assert.equal(artistKey('The Beatles'), 'beatles');
  assert.equal(artistKey('Beatles, The'), 'beatles');
});

test('splits the joint display artist of the UGC DSR fixture on its spaced slash', () => {
  const text = readFileSync(fixturePath('dsr', 'DSR_TEST_YouTube_AdSupport-music_2015-Q4_IS_1of1_20160121T150926.tsv'), 'utf8');
  const artists = text.split('\n').filter((line) => line.startsWith('AS01')).map((line) => line.split('\t')[7]);
  assert.ok(artists.includes('Dinah Washington / Max Richter'));
  assert.deepEqual(artistKeys('Dinah Washington / Max Richter'), ['dinah washington', 'max richter']);
  assert.equal(artistKey('Marvin Gaye'), 'marvin gaye');
});

test('gives creator names the same key whatever the order of the names', () => {
  assert.equal(nameKey('SMITH JOHN'), 'john smith');
  assert.equal(nameKey('Smith, John'), nameKey('John Smith'));
  assert.equal(nameKey("O'BRIEN SEÁN"), nameKey("Seán O'Brien"));
  assert.equal(nameKey('Robert De Niro'), 'de niro robert');
});

test('matches the CWR writer last and first name fields to the writer of the MW01 record', () => {
  const swr = readFileSync(fixturePath('cwr', 'CW220001DMP_000.V21'), 'latin1').split(/\r?\n/).find((line) => line.startsWith('SWR'));
  assert.ok(swr);
  const last = swr.slice(28, 73).trim();
  const first = swr.slice(73, 103).trim();
  assert.equal(nameKey(`${last} ${first}`), nameKey(`${first} ${last}`));
  assert.equal(nameKey(`${last} ${first}`), 'kolaric matija');
});

test('is unchanged by a second pass for titles without a second article', () => {
  for (const title of ['The River (Remastered 2011)', "Don't Stop Me Now", 'Beyoncé', 'Straße']) {
    assert.equal(titleKey(titleKey(title)), titleKey(title));
  }
});
