import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { tempDir } from '../../test/support/temp-dir.js';
import { initKeyFolder, readKeyring } from './key-folder.js';
import { issueLabel } from './issue-label.js';
import { verifyLabel } from './verify-label.js';
import { readImplicitLabel, writeImplicitLabel } from './implicit-label.js';
import { uniformReservation } from './training-mining.js';
import { makeWav } from './testing/make-wav.js';
import { ClefError } from '../errors/clef-error.js';
import { parseRiffChunks } from './riff-chunks.js';

const dir = tempDir();
await initKeyFolder(dir, 'Test Music Society', new Date('2025-01-01T00:00:00Z'));
const keyring = readKeyring(dir);
const request = {
  title: 'song',
  subject: { kind: 'direct', digitalSourceType: 'trainedAlgorithmicMedia', producer: 'GenMusic AI', contentId: 'gm-1' } as const,
  defaultTrainingMining: uniformReservation('notAllowed'),
};
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`./testing/audio/${name}`, import.meta.url)));
const labelled = {
  wav: (await issueLabel(makeWav(0.3), request, keyring)).bytes,
  mp3: (await issueLabel(fixture('tone-id3v23.mp3'), request, keyring)).bytes,
  flac: (await issueLabel(fixture('tone.flac'), request, keyring)).bytes,
  ogg: (await issueLabel(fixture('tone.ogg'), request, keyring)).bytes,
};

/** Verification of a damaged file must end in a verdict or a ClefError, never in another exception or a hang. */
async function verdictOrClefError(bytes: Uint8Array): Promise<string> {
  try {
    return (await verifyLabel(bytes, keyring)).status;
  } catch (error) {
    if (error instanceof ClefError) return error.code;
    throw error;
  }
}

for (const [format, bytes] of Object.entries(labelled)) {
  test(`truncated or corrupted labeled ${format.toUpperCase()} files get a verdict or a clear error, never a crash`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(bytes.length - 1), fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 })), { maxLength: 4 }), async (cut, flips) => {
        const damaged = bytes.slice(0, Math.max(cut, 1));
        for (const [at, mask] of flips) if (at < damaged.length) damaged[at] ^= mask;
        const outcome = await verdictOrClefError(damaged);
        assert.ok(['valid', 'invalid', 'unlabeled', 'untrusted', 'CLEF_LABEL_FILE_MALFORMED', 'CLEF_LABEL_FORMAT_UNSUPPORTED', 'CLEF_LABEL_AIGC_INVALID'].includes(outcome), outcome);
      }),
      { numRuns: 60, seed: 4538 },
    );
  });
}

test('a flipped byte inside any labeled WAV audio sample makes verification fail', async () => {
  const data = parseRiffChunks(labelled.wav).find((c) => c.id === 'data')!;
  assert.equal(await verdictOrClefError(labelled.wav), 'valid');
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: data.dataOffset, max: data.dataOffset + data.size - 1 }), async (at) => {
      const damaged = labelled.wav.slice();
      damaged[at] ^= 0x01;
      assert.equal(await verdictOrClefError(damaged), 'invalid');
    }),
    { numRuns: 20, seed: 45438 },
  );
});

test('refuses a file whose AIGC value is hostile JSON with a clear error', () => {
  const wav = writeImplicitLabel(makeWav(0.1), { Label: '1', ContentProducer: 'x', ProduceID: 'y', ReservedCode1: '', ContentPropagator: 'x', PropagateID: 'y', ReservedCode2: '' });
  const text = Buffer.from(wav).toString('latin1').replace('{"Label":"1"', '{"Label":[1]');
  assert.throws(() => readImplicitLabel(new Uint8Array(Buffer.from(text, 'latin1'))), (e: unknown) => e instanceof ClefError && e.code === 'CLEF_LABEL_AIGC_INVALID');
});
