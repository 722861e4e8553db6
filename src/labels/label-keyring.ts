import { X509Certificate, type KeyObject } from 'node:crypto';
import { ClefError } from '../errors/clef-error.js';
import type { C2paSigningIdentity } from './cose-sign1.js';
import { ed25519KeyId, publicKeyFromRaw, type SignerRole } from './reserved-code.js';

/** Whose key it is: the CMO itself, an AI service that produces content, or a platform that propagates it. */
export type KeyRole = 'cmo' | 'producer' | 'propagator';

/** An Ed25519 key for implicit-label signatures; the private key is there when Clef signs for that party. */
export interface Ed25519KeyEntry {
  readonly id: string;
  readonly role: KeyRole;
  readonly party: string;
  readonly keyId: string;
  readonly publicKey: KeyObject;
  readonly privateKey?: KeyObject;
}

/** A C2PA signing certificate (with its chain and key) of the CMO or of a party Clef signs for. */
export interface C2paSignerEntry {
  readonly id: string;
  readonly role: KeyRole;
  readonly party: string;
  readonly identity: C2paSigningIdentity;
}

/** Everything labeling and verification need from the key folder, in memory. */
export interface LabelKeyring {
  readonly cmoName: string;
  readonly ed25519: readonly Ed25519KeyEntry[];
  readonly c2paSigners: readonly C2paSignerEntry[];
  /** PEM certificates verification trusts as C2PA trust anchors (the CMO's CA and imported CAs). */
  readonly trustAnchorsPem: readonly string[];
}

/** An Ed25519 entry from its PEM keys (the public key is derived when only the private one is given). */
export function ed25519Entry(id: string, role: KeyRole, party: string, publicKey: KeyObject, privateKey?: KeyObject): Ed25519KeyEntry {
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new ClefError('CLEF_LABEL_KEY_INVALID', `key ${id} is not an Ed25519 key`);
  return { id, role, party, keyId: ed25519KeyId(publicKey), publicKey, privateKey };
}

/** The certificates of a PEM text, as DER, in order. */
export function pemCertificates(pem: string): Uint8Array[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)].map((m) => new Uint8Array(new X509Certificate(m[0]).raw));
}

/**
 * The key that signs an implicit label's reserved code for `party` in `role`: the party's own key
 * where Clef holds it, else the CMO's, and which of the two it is.
 */
export function implicitLabelSigner(keyring: LabelKeyring, party: string, role: 'producer' | 'propagator'): { signer: SignerRole; privateKey: KeyObject } {
  const own = keyring.ed25519.find((k) => k.role === role && k.party === party && k.privateKey);
  if (own?.privateKey) return { signer: role, privateKey: own.privateKey };
  const cmo = keyring.ed25519.find((k) => k.role === 'cmo' && k.privateKey);
  if (!cmo?.privateKey) throw new ClefError('CLEF_LABEL_KEY_MISSING', 'no CMO Ed25519 private key in the key folder; run `clef keys init`');
  return { signer: 'cmo', privateKey: cmo.privateKey };
}

/** The C2PA identity that signs for `party` (its own certificate where Clef holds one), else the CMO's. */
export function c2paSignerFor(keyring: LabelKeyring, party?: string): C2paSignerEntry {
  const own = party === undefined ? undefined : keyring.c2paSigners.find((s) => s.party === party && s.role !== 'cmo');
  const signer = own ?? keyring.c2paSigners.find((s) => s.role === 'cmo');
  if (!signer) throw new ClefError('CLEF_LABEL_KEY_MISSING', 'no C2PA signing certificate in the key folder; run `clef keys init`');
  return signer;
}

/** The trusted key entry a reserved code's public key matches, or undefined when Clef does not trust it. */
export function trustedEd25519(keyring: LabelKeyring, rawPublicKey: Uint8Array): Ed25519KeyEntry | undefined {
  const id = ed25519KeyId(publicKeyFromRaw(rawPublicKey));
  return keyring.ed25519.find((k) => k.keyId === id);
}
