import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalizeJson } from './canonical-json.js';
import type { AigcLabel } from './aigc-label.js';

/** Which AIGC reserved code: 1 is the producer's security information, 2 the propagator's. */
export type ReservedCodeSlot = 1 | 2;

/** Who made a reserved-code signature: the party itself (its key is held by Clef or its own) or the CMO on its behalf. */
export type SignerRole = 'producer' | 'propagator' | 'cmo';

/** The parsed content of a ReservedCode field written by Clef. */
export interface ReservedCode {
  readonly signer: SignerRole;
  /** Key id: the first 16 hex digits of SHA-256 over the raw Ed25519 public key. */
  readonly keyId: string;
  readonly publicKey: Buffer;
  /** SHA-256 of the audio payload (see audio-payload-digest.ts), base64url. */
  readonly audioDigest: string;
  readonly signature: Buffer;
}

const PREFIX = 'clef1';

/** The id of an Ed25519 public key: 16 hex digits of SHA-256 over its 32 raw bytes. */
export function ed25519KeyId(publicKey: KeyObject): string {
  return createHash('sha256').update(rawEd25519(publicKey)).digest('hex').slice(0, 16);
}

function rawEd25519(publicKey: KeyObject): Buffer {
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32);
}

/** The Ed25519 public key object of 32 raw key bytes. */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]), format: 'der', type: 'spki' });
}

/**
 * The label as its signer saw it: both reserved codes empty and, for the producer's code, the
 * propagator fields as first written (propagator = producer), so that later propagation keeps it valid.
 */
export function signedLabelView(label: AigcLabel, slot: ReservedCodeSlot): AigcLabel {
  const base = { ...label, ReservedCode1: '', ReservedCode2: '' };
  return slot === 1 ? { ...base, ContentPropagator: label.ContentProducer, PropagateID: label.ProduceID } : base;
}

function signedBytes(label: AigcLabel, slot: ReservedCodeSlot, signer: SignerRole, audioDigest: string): Buffer {
  return Buffer.from(canonicalizeJson({ aigc: signedLabelView(label, slot), audio: `sha256:${audioDigest}`, signer, slot }), 'utf8');
}

/** Makes the text of ReservedCode1 or 2: an Ed25519 signature over the RFC 8785 label view and the audio digest. */
export function makeReservedCode(label: AigcLabel, slot: ReservedCodeSlot, signer: SignerRole, audioDigest: string, privateKey: KeyObject): string {
  const publicKey = createPublicKey(privateKey);
  const signature = sign(null, signedBytes(label, slot, signer, audioDigest), privateKey);
  return [PREFIX, `signer=${signer}`, `key=${ed25519KeyId(publicKey)}`, `pub=${rawEd25519(publicKey).toString('base64url')}`, `audio=sha256:${audioDigest}`, `sig=${signature.toString('base64url')}`].join(';');
}

/** Reads a ReservedCode field written by Clef, or undefined for an empty or foreign value. */
export function parseReservedCode(text: string): ReservedCode | undefined {
  const parts = text.split(';');
  if (parts[0] !== PREFIX) return undefined;
  const fields = new Map(parts.slice(1).map((part) => [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)]));
  const signer = fields.get('signer');
  const pub = Buffer.from(fields.get('pub') ?? '', 'base64url');
  const audio = fields.get('audio') ?? '';
  const signature = Buffer.from(fields.get('sig') ?? '', 'base64url');
  if ((signer !== 'producer' && signer !== 'propagator' && signer !== 'cmo') || pub.length !== 32 || signature.length !== 64 || !audio.startsWith('sha256:')) return undefined;
  return { signer, keyId: fields.get('key') ?? '', publicKey: pub, audioDigest: audio.slice('sha256:'.length), signature };
}

/** Whether a reserved code's signature verifies against the public key it names (trust is decided elsewhere). */
export function verifyReservedCode(label: AigcLabel, slot: ReservedCodeSlot, code: ReservedCode): boolean {
  const key = publicKeyFromRaw(code.publicKey);
  if (ed25519KeyId(key) !== code.keyId) return false;
  return verify(null, signedBytes(label, slot, code.signer, code.audioDigest), key, code.signature);
}
