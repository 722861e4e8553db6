import type { FingerprintParams } from './fingerprint-params.js';
import type { HashIndex } from './hash-index.js';
import { hashLandmarkPairs, landmarkPairs, type LandmarkPairs, type PeakTransform } from './landmark-hashes.js';
import type { SearchGrid } from './search-grid.js';
import type { Peak } from './spectral-peaks.js';
import { VoteTable } from './vote-table.js';

/** One aligned group of hash hits between a query and the global index timeline. */
export interface MatchCandidate {
  /** Hits that agree on one alignment. */
  readonly hits: number;
  /** Query hashes tried under the transform that found it (the denominator of hash agreement). */
  readonly queryHashes: number;
  /** First and last matched query frame (the query's own frames). */
  readonly queryFirstFrame: number;
  readonly queryLastFrame: number;
  /** Global index frame aligned with query frame 0: reference frame = offset + queryFrame × timeFactor. */
  readonly globalOffset: number;
  /** Reference frames per query frame (1.05: the query plays 5 % faster than the reference). */
  readonly timeFactor: number;
  /** Pitch factor found: query frequency = reference frequency × frequencyFactor. */
  readonly frequencyFactor: number;
  /** The transform of the grid under which it was found. */
  readonly transform: PeakTransform;
  /** The matched pairs (query frame, global frame), for evidence. */
  readonly pairs: readonly (readonly [number, number])[];
}

/** How many candidate alignments per transform are refined, and what a candidate needs to be kept at all. */
export interface MatchSettings {
  readonly grid: SearchGrid;
  readonly candidatesPerTransform: number;
  readonly minHits: number;
  /** Hashes found more often than this in the index are skipped: like stop words, they cost time and carry little. */
  readonly maxBucket: number;
  /** Also look up each pair at frame difference ±1 (absorbs the query's frame-grid jitter; triples the lookups). */
  readonly frameSpread: 0 | 1;
}

/** Clef's default lookup: skip hashes found over 32 times in the index, look up frame differences ±1. */
export const defaultLookup = { maxBucket: 32, frameSpread: 1 } as const;

const coarseFrames = 32;
const slopeSteps = 16;
const slopeRange = 0.02;
const alignTolerance = 1.5;

/** Matches one query's peaks under any transform; the pairs of each time scale and the buffers are shared between calls. */
export interface QueryMatcher {
  match(transform: PeakTransform): MatchCandidate[];
}

/**
 * Prepares the matching of one query against the index. Under a transform, its hashes are looked up, each hit
 * votes for a coarse offset, and the best votes are refined to a slope and an offset.
 */
export function createQueryMatcher(
  peaks: readonly Peak[],
  index: HashIndex,
  params: FingerprintParams,
  settings: Omit<MatchSettings, 'grid'>,
): QueryMatcher {
  const pairsByScale = new Map<number, LandmarkPairs>();
  const votes = new VoteTable();
  let hitQuery = new Int32Array(1024);
  let hitGlobal = new Uint32Array(1024);
  const { offsets, times } = index;
  return {
    match(transform) {
      let pairs = pairsByScale.get(transform.timeScale);
      if (!pairs) {
        pairs = landmarkPairs(peaks, params, transform.timeScale);
        pairsByScale.set(transform.timeScale, pairs);
      }
      const query = hashLandmarkPairs(peaks, pairs, transform.bandShift, settings.frameSpread);
      let hitCount = 0;
      for (let i = 0; i < query.hashes.length; i++) {
        const h = query.hashes[i];
        const size = offsets[h + 1] - offsets[h];
        if (size !== 0 && size <= settings.maxBucket) hitCount += size;
      }
      if (hitCount > hitQuery.length) {
        hitQuery = new Int32Array(hitCount * 2);
        hitGlobal = new Uint32Array(hitCount * 2);
      }
      votes.clear(hitCount);
      let n = 0;
      for (let i = 0; i < query.hashes.length; i++) {
        const h = query.hashes[i];
        const from = offsets[h];
        const to = offsets[h + 1];
        if (from === to || to - from > settings.maxBucket) continue;
        const qf = query.frames[i];
        const anchorFrame = Math.round(qf / transform.timeScale);
        for (let e = from; e < to; e++) {
          const g = times[e];
          hitQuery[n] = anchorFrame;
          hitGlobal[n] = g;
          n++;
          votes.add(Math.floor((g - qf) / coarseFrames));
        }
      }
      const hits = { query: hitQuery.subarray(0, n), global: hitGlobal.subarray(0, n) };
      const queryHashes = query.hashes.length / (2 * settings.frameSpread + 1);
      return refineBestVotes(votes, hits, transform, params, settings, queryHashes);
    },
  };
}

/** Matches query peaks against the index under every transform of the grid and returns the candidate alignments. */
export function matchPeaks(
  peaks: readonly Peak[],
  index: HashIndex,
  params: FingerprintParams,
  settings: MatchSettings,
): MatchCandidate[] {
  const matcher = createQueryMatcher(peaks, index, params, settings);
  const found: MatchCandidate[] = [];
  for (const transform of settings.grid) {
    for (const candidate of matcher.match(transform)) found.push(candidate);
  }
  return found;
}

interface Hits {
  readonly query: Int32Array;
  readonly global: Uint32Array;
}

/**
 * Takes the coarse offsets with the most votes (a vote counts for its bin and the one below, so an alignment on
 * a bin edge is not split), best first and, on equal votes, in the order they were first seen; refines each.
 */
function refineBestVotes(
  votes: VoteTable,
  hits: Hits,
  transform: PeakTransform,
  params: FingerprintParams,
  settings: Omit<MatchSettings, 'grid'>,
  queryHashes: number,
): MatchCandidate[] {
  const best: { key: number; count: number; seen: number }[] = [];
  for (let n = 0; n < votes.size; n++) {
    const key = votes.keyAt(n);
    const count = votes.countAt(n) + votes.get(key + 1);
    if (count >= settings.minHits) best.push({ key, count, seen: n });
  }
  best.sort((a, b) => b.count - a.count || a.seen - b.seen);
  const candidates: MatchCandidate[] = [];
  const claimed = new Set<number>();
  for (const { key } of best.slice(0, settings.candidatesPerTransform)) {
    if (claimed.has(key)) continue;
    claimed.add(key);
    claimed.add(key + 1);
    claimed.add(key - 1);
    const lo = (key - 1) * coarseFrames;
    const hi = (key + 3) * coarseFrames;
    const selected: number[] = [];
    for (let i = 0; i < hits.global.length; i++) {
      const off = hits.global[i] - hits.query[i] * transform.timeScale;
      if (off >= lo && off < hi) selected.push(i);
    }
    const refined = refineAlignment(selected, hits, transform.timeScale);
    if (refined.pairs.length < settings.minHits) continue;
    let first = Infinity;
    let last = -Infinity;
    for (const [q] of refined.pairs) {
      if (q < first) first = q;
      if (q > last) last = q;
    }
    candidates.push({
      hits: refined.pairs.length,
      queryHashes,
      queryFirstFrame: first,
      queryLastFrame: last,
      globalOffset: refined.offset,
      timeFactor: refined.slope,
      frequencyFactor: 2 ** (transform.bandShift / params.bandsPerOctave),
      transform,
      pairs: refined.pairs,
    });
  }
  return candidates;
}

/**
 * Searches slopes within ±2 % of the transform's time scale for the one that puts most hits within
 * ±1.5 frames of one offset (a Hough transform over the line reference = offset + slope × query).
 */
function refineAlignment(selected: readonly number[], hits: Hits, timeScale: number): { slope: number; offset: number; pairs: [number, number][] } {
  let best = { slope: timeScale, offset: 0, count: -1 };
  const offsets = new Float64Array(selected.length);
  for (let s = -slopeSteps; s <= slopeSteps; s++) {
    const slope = timeScale * (1 + (s / slopeSteps) * slopeRange);
    for (let i = 0; i < selected.length; i++) offsets[i] = hits.global[selected[i]] - hits.query[selected[i]] * slope;
    offsets.sort();
    let lo = 0;
    for (let hi = 0; hi < offsets.length; hi++) {
      while (offsets[hi] - offsets[lo] > 2 * alignTolerance) lo++;
      const count = hi - lo + 1;
      if (count > best.count) best = { slope, offset: (offsets[hi] + offsets[lo]) / 2, count };
    }
  }
  const pairs: [number, number][] = [];
  const seen = new Set<number>();
  for (const i of selected) {
    const off = hits.global[i] - hits.query[i] * best.slope;
    if (Math.abs(off - best.offset) > alignTolerance) continue;
    // One hit per query anchor and reference frame: the ±1 frame-difference spread can find a pair twice.
    const key = hits.query[i] * 4294967296 + hits.global[i];
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push([hits.query[i], hits.global[i]]);
  }
  return { slope: best.slope, offset: best.offset, pairs };
}
