import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../test/support/temp-dir.js';
import { importKey, initKeyFolder, listKeys, readKeyring } from './key-folder.js';
import { issueLabel } from './issue-label.js';
import { verifyLabel } from './verify-label.js';
import { uniformReservation } from './training-mining.js';
import { makeWav } from './testing/make-wav.js';
import { isClefError } from '../errors/clef-error.js';

const dir = tempDir();
const cmo = join(dir, 'cmo');
const other = join(dir, 'other');
await initKeyFolder(cmo, 'Test Music Society', new Date('2025-01-01T00:00:00Z'));
await initKeyFolder(other, 'Other Society', new Date('2025-01-01T00:00:00Z'));
const pem = (folder: string, name: string): string => readFileSync(join(folder, name), 'utf8');
const request = {
  title: 'song.wav',
  subject: { kind: 'direct', digitalSourceType: 'trainedAlgorithmicMedia', producer: 'GenMusic AI', contentId: 'gm-1' } as const,
  defaultTrainingMining: uniformReservation('notAllowed'),
};
const invalidKey = (e: unknown): boolean => isClefError(e, 'CLEF_LABEL_KEY_INVALID');

test('refuses a second init, a CA as signing certificate, a certificate without its issuer and a key that is not the certificate\'s', async () => {
  await assert.rejects(initKeyFolder(cmo, 'Again', new Date()), /already holds a key folder/);
  assert.throws(() => importKey(cmo, { id: 'ca-as-signer', role: 'cmo', party: 'X', certificatePem: pem(other, 'cmo-ca.cert.pem'), privateKeyPem: pem(other, 'cmo-ca.key.pem'), chainPem: pem(other, 'cmo-ca.cert.pem') }), invalidKey);
  assert.throws(() => importKey(cmo, { id: 'no-chain', role: 'cmo', party: 'X', certificatePem: pem(other, 'cmo-c2pa.cert.pem'), privateKeyPem: pem(other, 'cmo-c2pa.key.pem') }), /issuer chain is missing/);
  assert.throws(() => importKey(cmo, { id: 'wrong-key', role: 'cmo', party: 'X', certificatePem: pem(other, 'cmo-c2pa.cert.pem'), privateKeyPem: pem(cmo, 'cmo-c2pa.key.pem'), chainPem: pem(other, 'cmo-ca.cert.pem') }), /does not belong/);
  assert.throws(() => importKey(cmo, { id: 'not-ed', role: 'producer', party: 'X', publicKeyPem: generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString() }), invalidKey);
  assert.throws(() => importKey(cmo, { id: 'cmo-ca', role: 'cmo', party: 'X', caPem: pem(other, 'cmo-ca.cert.pem') }), /not a new file-safe name/);
});

test('signs with a producer\'s own key where Clef holds it, and trusts an AI service\'s imported public key', async () => {
  const service = generateKeyPairSync('ed25519');
  const folder = join(dir, 'producer');
  await initKeyFolder(folder, 'Test Music Society', new Date('2025-01-01T00:00:00Z'));
  importKey(folder, { id: 'genmusic', role: 'producer', party: 'GenMusic AI', privateKeyPem: service.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
  const issued = await issueLabel(makeWav(0.3), request, readKeyring(folder));
  assert.match(issued.aigc.ReservedCode1, /^clef1;signer=producer;/);

  const before = await verifyLabel(issued.bytes, readKeyring(cmo));
  assert.equal(before.status, 'untrusted');
  importKey(cmo, { id: 'genmusic-public', role: 'producer', party: 'GenMusic AI', publicKeyPem: service.publicKey.export({ type: 'spki', format: 'pem' }).toString() });
  importKey(cmo, { id: 'producer-folder-ca', role: 'cmo', party: 'Test Music Society (second CA)', caPem: pem(folder, 'cmo-ca.cert.pem') });
  const after = await verifyLabel(issued.bytes, readKeyring(cmo));
  assert.equal(after.status, 'valid', after.problems.join('; '));
  assert.equal(after.label?.signatures[0].trustedAs, 'genmusic-public (GenMusic AI)');
  assert.deepEqual(listKeys(cmo).keys.map((k) => k.kind), ['c2pa-ca', 'c2pa-signer', 'ed25519', 'ed25519', 'c2pa-ca']);
});

test('imports a platform\'s signing certificate and signs its propagation manifests with it', async () => {
  importKey(cmo, { id: 'other-signer', role: 'propagator', party: 'STREAMCO', certificatePem: pem(other, 'cmo-c2pa.cert.pem'), privateKeyPem: pem(other, 'cmo-c2pa.key.pem'), chainPem: pem(other, 'cmo-ca.cert.pem') });
  importKey(cmo, { id: 'other-ca', role: 'propagator', party: 'STREAMCO', caPem: pem(other, 'cmo-ca.cert.pem') });
  const keyring = readKeyring(cmo);
  const { propagateLabel } = await import('./propagate-label.js');
  const issued = await issueLabel(makeWav(0.3), request, keyring);
  const propagated = await propagateLabel(issued.bytes, { platform: 'STREAMCO', propagationId: 'sc-1', title: 'song.wav' }, keyring);
  const verified = await verifyLabel(propagated.bytes, keyring);
  assert.equal(verified.status, 'valid', verified.problems.join('; '));
  assert.equal(verified.propagation[0].signedBy, 'Other Society C2PA Signer');
});
