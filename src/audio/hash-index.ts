import { hashBits } from './landmark-hashes.js';

/**
 * An in-memory landmark index: for hash h, `times[offsets[h] .. offsets[h + 1] - 1]` are the frames on the
 * index's global timeline (all recordings laid end to end) where a pair with that hash starts.
 */
export interface HashIndex {
  readonly offsets: Uint32Array;
  readonly times: Uint32Array;
}

/** Hashes and global anchor frames of one batch of indexed audio. */
export interface HashBatch {
  readonly hashes: Uint32Array;
  readonly times: Uint32Array;
}

/**
 * Builds the index from batches with a counting sort on the hash (linear time, no comparison sort). With
 * `shared`, the tables live in SharedArrayBuffers, so worker threads read the one copy.
 */
export function buildHashIndex(batches: readonly HashBatch[], shared = false): HashIndex {
  const buckets = 1 << hashBits;
  const table = (length: number) => (shared ? new Uint32Array(new SharedArrayBuffer(length * 4)) : new Uint32Array(length));
  const offsets = table(buckets + 1);
  let total = 0;
  for (const batch of batches) {
    for (let i = 0; i < batch.hashes.length; i++) offsets[batch.hashes[i] + 1]++;
    total += batch.hashes.length;
  }
  for (let h = 0; h < buckets; h++) offsets[h + 1] += offsets[h];
  const cursor = offsets.slice(0, buckets);
  const times = table(total);
  for (const batch of batches) {
    for (let i = 0; i < batch.hashes.length; i++) times[cursor[batch.hashes[i]]++] = batch.times[i];
  }
  return { offsets, times };
}

/** Number of entries in the index. */
export function hashIndexSize(index: HashIndex): number {
  return index.times.length;
}
