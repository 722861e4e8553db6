import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tempDir } from '../../test/support/temp-dir.js';
import { labelDemoRecording } from './label-demo-recording.js';
import { makeWav } from './testing/make-wav.js';

test('labels the demo recording from its registry provenance and reports the registered recording and work', async () => {
  const result = await labelDemoRecording({
    recording: {
      recordingId: 'rec-42', isrc: 'QZABC2500001', title: 'Neon Rain (AI)', workId: 'work-7', workTitle: 'Neon Rain',
      digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia',
    },
    audio: makeWav(0.5),
    title: 'neon-rain.wav',
    keysDir: join(tempDir(), 'keys'),
    cmoName: 'Demo Society',
    now: new Date('2025-06-01T00:00:00Z'),
  });
  assert.equal(result.verification.status, 'valid', result.verification.problems.join('; '));
  assert.deepEqual(result.verification.label?.registration, { recordingId: 'rec-42', isrc: 'QZABC2500001', recordingTitle: 'Neon Rain (AI)', workId: 'work-7', workTitle: 'Neon Rain' });
  assert.equal(result.verification.aigc?.ContentProducer, 'Demo Society');
  assert.equal(result.verification.aigc?.ProduceID, 'QZABC2500001');
  assert.equal(result.verification.label?.trainingMining?.['cawg.ai_training']?.use, 'notAllowed');
});
