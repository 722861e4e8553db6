import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { makeReservedCode, parseReservedCode, verifyReservedCode } from './reserved-code.js';
import type { AigcLabel } from './aigc-label.js';

const { privateKey } = generateKeyPairSync('ed25519');
const first: AigcLabel = { Label: '1', ContentProducer: 'GenSvc', ProduceID: 'g-1', ReservedCode1: '', ContentPropagator: 'GenSvc', PropagateID: 'g-1', ReservedCode2: '' };

test('a producer code verifies and still verifies after a platform propagates the label', () => {
  const code1 = makeReservedCode(first, 1, 'cmo', 'AAAA', privateKey);
  const labelled = { ...first, ReservedCode1: code1 };
  const parsed = parseReservedCode(code1);
  assert.ok(parsed);
  assert.equal(parsed.signer, 'cmo');
  assert.equal(verifyReservedCode(labelled, 1, parsed), true);
  const propagated = { ...labelled, ContentPropagator: 'PLAT', PropagateID: 'p-7' };
  assert.equal(verifyReservedCode(propagated, 1, parsed), true);
  const code2 = makeReservedCode(propagated, 2, 'propagator', 'AAAA', privateKey);
  assert.equal(verifyReservedCode({ ...propagated, ReservedCode2: code2 }, 2, parseReservedCode(code2)!), true);
});

test('a changed label field or audio digest breaks the signature', () => {
  const code = parseReservedCode(makeReservedCode(first, 1, 'producer', 'AAAA', privateKey))!;
  assert.equal(verifyReservedCode({ ...first, Label: '2' }, 1, code), false);
  assert.equal(verifyReservedCode({ ...first, ProduceID: 'g-2' }, 1, code), false);
  assert.equal(verifyReservedCode(first, 1, { ...code, audioDigest: 'AAAB' }), false);
  assert.equal(verifyReservedCode(first, 2, code), false);
});

test('ignores reserved codes another writer made', () => {
  assert.equal(parseReservedCode(''), undefined);
  assert.equal(parseReservedCode('3045022100abcdef'), undefined);
  assert.equal(parseReservedCode('clef1;signer=cmo;pub=AAAA'), undefined);
});
