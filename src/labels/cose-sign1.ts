import { sign, type KeyObject } from 'node:crypto';

/** A C2PA signing identity: the certificate chain (DER, leaf first, then its issuers) and the leaf's EC P-256 private key. */
export interface C2paSigningIdentity {
  readonly chain: readonly Uint8Array[];
  readonly privateKey: KeyObject;
}

/** The signer shape @contentauth/c2pa-wasm's `sign` calls back with the claim bytes. */
export interface C2paSignerDefinition {
  readonly alg: string;
  readonly reserveSize: number;
  sign(claimBytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>>;
}

function head(major: number, n: number): Uint8Array {
  if (n < 24) return Uint8Array.of((major << 5) | n);
  if (n < 0x100) return Uint8Array.of((major << 5) | 24, n);
  if (n < 0x10000) return Uint8Array.of((major << 5) | 25, n >> 8, n & 0xff);
  return Uint8Array.of((major << 5) | 26, n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
}

const join = (...parts: Uint8Array[]): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.concat(parts));
const bytes = (b: Uint8Array): Uint8Array => join(head(2, b.length), b);
const text = (s: string): Uint8Array => join(head(3, Buffer.byteLength(s)), Buffer.from(s));

/**
 * A C2PA signer that makes the tagged COSE_Sign1 itself: protected header {alg: ES256, x5chain},
 * detached payload, raw r‖s signature, and an unprotected `pad` sized so the structure is exactly
 * `reserveSize` bytes, as the library requires.
 */
export function makeCoseSign1Signer(identity: C2paSigningIdentity, reserveSize = 4096): C2paSignerDefinition {
  const chainSize = identity.chain.reduce((n, c) => n + c.length + 5, 0);
  if (chainSize + 200 > reserveSize) throw new RangeError(`the certificate chain (${chainSize} bytes) does not fit in ${reserveSize} bytes`);
  const protectedHeader = join(Uint8Array.of(0xa2, 0x01, 0x26, 0x18, 0x21), head(4, identity.chain.length), ...identity.chain.map(bytes));
  return {
    alg: 'es256',
    reserveSize,
    async sign(claimBytes) {
      const toBeSigned = join(head(4, 4), text('Signature1'), bytes(protectedHeader), bytes(new Uint8Array()), bytes(claimBytes));
      const signature = sign('sha256', toBeSigned, { key: identity.privateKey, dsaEncoding: 'ieee-p1363' });
      const build = (pad: number): Uint8Array<ArrayBuffer> =>
        join(Uint8Array.of(0xd2), head(4, 4), bytes(protectedHeader), Uint8Array.of(0xa1), text('pad'), bytes(new Uint8Array(pad)), Uint8Array.of(0xf6), bytes(signature));
      let pad = reserveSize - build(0).length;
      let out = build(pad);
      // The pad's own length prefix grows at 24 and 256 bytes, so settle on the size that lands exactly.
      while (out.length > reserveSize && pad > 0) out = build(--pad);
      while (out.length < reserveSize) out = build(++pad);
      return out;
    },
  };
}
