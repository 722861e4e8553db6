import { createHash } from 'node:crypto';

/** SHA-256 over the given parts in order, as base64url: the form audio digests take in labels. */
export function sha256Base64Url(parts: Iterable<Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('base64url');
}
