import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tempDir } from '../../test/support/temp-dir.js';
import { initKeyFolder, readKeyring } from './key-folder.js';
import { issueLabel } from './issue-label.js';
import { addAudibleCue } from './add-audible-cue.js';
import { verifyLabel } from './verify-label.js';
import { uniformReservation } from './training-mining.js';
import { makeWav } from './testing/make-wav.js';
import { decodeSamples } from './testing/decode-samples.js';
import { makeRhythmCue } from './rhythm-cue.js';
import { explicitLabelText } from './explicit-label.js';

const dir = tempDir();
await initKeyFolder(dir, 'Test Music Society', new Date('2025-01-01T00:00:00Z'));
const keyring = readKeyring(dir);
const request = {
  title: 'song.wav',
  subject: { kind: 'direct', digitalSourceType: 'compositeWithTrainedAlgorithmicMedia', producer: 'GenMusic AI', contentId: 'gm-7' } as const,
  defaultTrainingMining: uniformReservation('notAllowed'),
};

test('the rhythm cue is four tones, short-long-short-short, separated by silence', () => {
  const cue = makeRhythmCue(8000);
  const window = 80;
  const runs: number[] = [];
  let run = 0;
  for (let at = 0; at < cue.length; at += window) {
    const peak = Math.max(...cue.subarray(at, at + window).map(Math.abs));
    if (peak > 0.1) run++;
    else if (run > 0) {
      runs.push(run);
      run = 0;
    }
  }
  assert.equal(runs.length, 4, runs.join());
  assert.ok(runs[1] >= 3 * runs[0] - 1 && runs[0] === runs[2] && runs[2] === runs[3], runs.join());
});

test('a cued rendition starts with the cue, keeps the music after it, and validates with the uncued file as parent', async () => {
  const original = makeWav(1, 16000);
  const issued = await issueLabel(original, request, keyring);
  const cued = await addAudibleCue(issued.bytes, { kind: 'rhythm' }, keyring, 'song.wav');
  const [before] = await decodeSamples(original);
  const [after] = await decodeSamples(cued.bytes);
  const cueLength = makeRhythmCue(16000).length;
  assert.equal(after.length, before.length + cueLength);
  assert.deepEqual(after.subarray(cueLength), before);
  const verified = await verifyLabel(cued.bytes, keyring);
  assert.equal(verified.status, 'valid', verified.problems.join('; '));
  assert.deepEqual(verified.c2pa?.history.map((m) => m.actions.map((a) => a.action)), [['c2pa.opened', 'c2pa.edited'], ['c2pa.created']]);
  assert.equal(verified.label?.digitalSourceType, 'http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia');
});

test('prepends a supplied spoken notice of the same format and refuses one of another format', async () => {
  const issued = await issueLabel(makeWav(0.5, 16000), request, keyring);
  const notice = makeWav(0.3, 16000);
  const cued = await addAudibleCue(issued.bytes, { kind: 'spoken', wav: notice }, keyring, 'song.wav');
  const [after] = await decodeSamples(cued.bytes);
  const [spoken] = await decodeSamples(notice);
  assert.deepEqual(after.subarray(0, spoken.length), spoken);
  await assert.rejects(addAudibleCue(issued.bytes, { kind: 'spoken', wav: makeWav(0.3, 8000) }, keyring, 'song.wav'), /spoken notice must have/);
});

test('writes the explicit label text for each level and for AI-assisted content', () => {
  assert.equal(explicitLabelText('1', 'GenMusic AI'), 'AI生成 · AI-generated — GenMusic AI');
  assert.equal(explicitLabelText('1', 'X', 'compositeWithTrainedAlgorithmicMedia'), 'AI辅助生成 · AI-assisted — X');
  assert.equal(explicitLabelText('3', 'X'), '疑似为AI生成 · Suspected AI-generated — X');
});
