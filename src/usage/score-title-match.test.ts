import assert from 'node:assert/strict';
import { test } from 'node:test';
import { artistKey, titleKey } from '../registry/match-key.js';
import { createSeededRandom } from '../random/index.js';
import { syntheticRecording } from './generate-usage/synthetic-recording.js';
import { varyTitleArtist } from './generate-usage/vary-title-artist.js';
import { scoreTitleMatch, type TitleMatchCandidate } from './score-title-match.js';

const catalogue: TitleMatchCandidate[] = Array.from({ length: 300 }, (_, i) => {
  const r = syntheticRecording(3, i, 80);
  return { recordingId: `R${String(i).padStart(4, '0')}`, isrc: r.isrc, titleKey: titleKey(r.title), artistKey: artistKey(r.artist), workId: `W${i}`, creatorKey: null };
});

test('finds the recording behind case, accent, feat. and typo variants of its title and artist', () => {
  let found = 0;
  let wrong = 0;
  for (let i = 0; i < catalogue.length; i++) {
    const r = syntheticRecording(3, i, 80);
    const variant = varyTitleArtist(r.title, r.artist, createSeededRandom(i + 1));
    const result = scoreTitleMatch({ titleKey: titleKey(variant.title), artistKey: artistKey(variant.artist), writerKeys: [] }, catalogue);
    if (result.kind === 'match') {
      if (result.recordingId === catalogue[i].recordingId) found++;
      else wrong++;
    }
  }
  assert.equal(wrong, 0);
  assert.ok(found / catalogue.length >= 0.95, `${found} of ${catalogue.length}`);
});

test('does not match another song of the same artist', () => {
  const result = scoreTitleMatch({ titleKey: 'completely different song', artistKey: catalogue[0].artistKey, writerKeys: [] }, catalogue);
  assert.equal(result.kind, 'none');
});

test('refuses to guess between two recordings that score the same', () => {
  const twin = { ...catalogue[5], recordingId: 'R9999', workId: 'W9999' };
  const result = scoreTitleMatch({ titleKey: catalogue[5].titleKey, artistKey: catalogue[5].artistKey, writerKeys: [] }, [catalogue[5], twin]);
  assert.equal(result.kind, 'ambiguous');
});

test('gives the work only when the recording has exactly one', () => {
  const second = { ...catalogue[7], workId: 'W-other' };
  const one = scoreTitleMatch({ titleKey: catalogue[7].titleKey, artistKey: catalogue[7].artistKey, writerKeys: [] }, [catalogue[7]]);
  const two = scoreTitleMatch({ titleKey: catalogue[7].titleKey, artistKey: catalogue[7].artistKey, writerKeys: [] }, [catalogue[7], second]);
  assert.deepEqual(one, { kind: 'match', recordingId: catalogue[7].recordingId, workId: 'W7', confidence: 10000 });
  assert.equal(two.kind === 'match' && two.workId, null);
});
