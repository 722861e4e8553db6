import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../test/support/temp-dir.js';
import { initKeyFolder, readKeyring } from './key-folder.js';
import { issueLabel, type IssueLabelRequest } from './issue-label.js';
import { verifyLabel } from './verify-label.js';
import { propagateLabel } from './propagate-label.js';
import { readC2pa } from './read-c2pa.js';
import { uniformReservation } from './training-mining.js';
import { makeWav } from './testing/make-wav.js';
import { decodeSamples } from './testing/decode-samples.js';
import { mp3AudioRange } from './mp3-carrier.js';
import { parseRiffChunks } from './riff-chunks.js';
import { parseFlacLayout } from './flac-metadata.js';
import { isClefError } from '../errors/clef-error.js';

const dir = tempDir();
await initKeyFolder(join(dir, 'cmo'), 'Test Music Society', new Date('2025-01-01T00:00:00Z'));
await initKeyFolder(join(dir, 'stranger'), 'Stranger Society', new Date('2025-01-01T00:00:00Z'));
const keyring = readKeyring(join(dir, 'cmo'));
const stranger = readKeyring(join(dir, 'stranger'));
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`./testing/audio/${name}`, import.meta.url)));

const request: IssueLabelRequest = {
  title: 'song',
  subject: { kind: 'direct', digitalSourceType: 'trainedAlgorithmicMedia', producer: 'GenMusic AI', contentId: 'gm-000123' },
  generatorVersion: '4.5',
  defaultTrainingMining: uniformReservation('notAllowed'),
};

/** A byte in the middle of the audio payload, flipped. */
function tamper(bytes: Uint8Array, format: string): Uint8Array {
  const out = bytes.slice();
  let at: number;
  if (format === 'wav') {
    const data = parseRiffChunks(bytes).find((c) => c.id === 'data')!;
    at = data.dataOffset + (data.size >> 1);
  } else if (format === 'mp3') {
    const { start, end } = mp3AudioRange(bytes);
    at = (start + end) >> 1;
  } else {
    at = (parseFlacLayout(bytes).audioOffset + bytes.length) >> 1;
  }
  out[at] ^= 0x01;
  return out;
}

test('writes private keys with mode 0600 in the key folder', () => {
  assert.equal(statSync(join(dir, 'cmo', 'cmo-c2pa.key.pem')).mode & 0o777, 0o600);
  assert.equal(statSync(join(dir, 'cmo', 'cmo-aigc.key.pem')).mode & 0o777, 0o600);
});

const formats: [string, () => Uint8Array][] = [['wav', () => makeWav(1.5, 22050)], ['mp3', () => fixture('tone-id3v23.mp3')], ['flac', () => fixture('tone.flac')]];

for (const [format, make] of formats) {
  test(`labels a ${format.toUpperCase()} file that both the reference reader and Clef accept, with unchanged samples`, async () => {
    const original = make();
    const issued = await issueLabel(original, { ...request, title: `song.${format}` }, keyring);
    assert.equal(issued.c2pa, true);
    assert.deepEqual(await decodeSamples(issued.bytes), await decodeSamples(original));
    assert.deepEqual(issued.label.signatures.map((sig) => [sig.field, sig.signer, sig.trustedAs]), [['ReservedCode1', 'cmo', 'cmo-aigc'], ['ReservedCode2', 'cmo', 'cmo-aigc'], ['manifest', 'Test Music Society', 'cmo-c2pa']]);
    const mime = format === 'wav' ? 'audio/wav' : format === 'mp3' ? 'audio/mpeg' : 'audio/flac';
    const untrustedView = await readC2pa(issued.bytes, mime, []);
    assert.equal(untrustedView.state, 'Valid');
    assert.deepEqual(untrustedView.failures, []);
    assert.equal(untrustedView.untrusted, true);
    const trustedView = await readC2pa(issued.bytes, mime, keyring.trustAnchorsPem);
    assert.equal(trustedView.state, 'Trusted');
    const created = trustedView.history[0].actions[0];
    assert.equal(created.action, 'c2pa.created');
    assert.equal(created.digitalSourceType, 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia');
    assert.deepEqual(created.softwareAgent, { name: 'GenMusic AI', version: '4.5' });
    assert.equal(trustedView.history[0].trainingMining['cawg.ai_training']?.use, 'notAllowed');

    const verified = await verifyLabel(issued.bytes, keyring);
    assert.equal(verified.status, 'valid', verified.problems.join('; '));
    assert.equal(verified.audioChanged, false);
    assert.equal(verified.aigc?.ContentProducer, 'GenMusic AI');
    assert.deepEqual(verified.label?.signatures.map((s) => [s.carrier, s.signer, s.valid]), [['AIGC', 'cmo', true], ['AIGC', 'cmo', true], ['C2PA', 'Test Music Society C2PA Signer', true]]);
    assert.equal((await verifyLabel(issued.bytes, stranger)).status, 'untrusted');
  });

  test(`catches audio changed after labeling a ${format.toUpperCase()} file in both readers`, async () => {
    const issued = await issueLabel(make(), { ...request, title: `song.${format}` }, keyring);
    const tampered = tamper(issued.bytes, format);
    const mime = format === 'wav' ? 'audio/wav' : format === 'mp3' ? 'audio/mpeg' : 'audio/flac';
    const reference = await readC2pa(tampered, mime, keyring.trustAnchorsPem);
    assert.equal(reference.state, 'Invalid');
    assert.ok(reference.failures.includes('assertion.dataHash.mismatch'), reference.failures.join());
    const verified = await verifyLabel(tampered, keyring);
    assert.equal(verified.status, 'invalid');
    assert.equal(verified.audioChanged, true);
  });

  test(`propagates a ${format.toUpperCase()} label so the whole history still validates`, async () => {
    const issued = await issueLabel(make(), { ...request, title: `song.${format}` }, keyring);
    const first = await propagateLabel(issued.bytes, { platform: 'STREAMCO', propagationId: 'sc-1', title: `song.${format}` }, keyring);
    const second = await propagateLabel(first.bytes, { platform: 'CLIPSHARE', propagationId: 'cs-9', title: `song.${format}` }, keyring);
    const verified = await verifyLabel(second.bytes, keyring);
    assert.equal(verified.status, 'valid', verified.problems.join('; '));
    assert.deepEqual(verified.propagation.map((p) => p.propagator), ['STREAMCO', 'CLIPSHARE']);
    assert.equal(verified.aigc?.ContentPropagator, 'CLIPSHARE');
    assert.equal(verified.aigc?.ReservedCode1, issued.aigc.ReservedCode1);
    assert.equal(verified.c2pa?.history.length, 3);
    assert.equal(verified.label?.digitalSourceType, 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia');
    assert.deepEqual(await decodeSamples(second.bytes), await decodeSamples(issued.bytes));
  });
}

test('labels Ogg Vorbis with the implicit label only, and catches a forged label field', async () => {
  const issued = await issueLabel(fixture('tone.ogg'), { ...request, title: 'song.ogg' }, keyring);
  assert.equal(issued.c2pa, false);
  assert.equal((await verifyLabel(issued.bytes, keyring)).status, 'valid');
  const { oggCarrier } = await import('./ogg-carrier.js');
  const forged = oggCarrier.writeAigc(issued.bytes, JSON.stringify({ ...issued.aigc, ContentProducer: 'Someone Else' }));
  const verified = await verifyLabel(forged, keyring);
  assert.equal(verified.status, 'invalid');
  assert.equal(verified.audioChanged, false);
});

test('reports an unlabeled file and refuses to label a labeled one twice', async () => {
  assert.equal((await verifyLabel(makeWav(0.2), keyring)).status, 'unlabeled');
  const issued = await issueLabel(makeWav(0.2), request, keyring);
  await assert.rejects(issueLabel(issued.bytes, request, keyring), (e: unknown) => isClefError(e, 'CLEF_LABEL_ALREADY_LABELED'));
  await assert.rejects(propagateLabel(makeWav(0.2), { platform: 'X', propagationId: '1', title: 'x' }, keyring), (e: unknown) => isClefError(e, 'CLEF_LABEL_NOT_LABELED'));
});
