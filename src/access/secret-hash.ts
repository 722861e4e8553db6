import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// OWASP's scrypt floor (N=2^17, r=8, p=1) costs ~128 MiB per hash; 2^15 keeps a login near 50 ms on two shared
// cores while still costing an attacker 32 MiB per guess.
const cost = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const keyLength = 32;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, { ...params, maxmem: cost.maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** A password's scrypt hash as `scrypt$N$r$p$salt$hash` (base64), with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when `password` gives `stored`'s hash; compared in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A new random secret (API token, session id, CSRF token), URL-safe, 256 bits; `prefix` marks what it is. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/**
 * The SHA-256 digest of a secret, hex: what the store keeps. The secrets are 256 random bits, so a fast digest is
 * enough (no guessing to slow down), and a lookup by digest needs no per-row salt.
 */
export function digestSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
