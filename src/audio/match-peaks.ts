import type { FingerprintParams } from './fingerprint-params.js';
import type { HashIndex } from './hash-index.js';
import { landmarkHashes, type PeakTransform } from './landmark-hashes.js';
import type { SearchGrid } from './search-grid.js';
import type { Peak } from './spectral-peaks.js';

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

/** Matches query peaks against the index under every transform of the grid and returns the candidate alignments. */
export function matchPeaks(
  peaks: readonly Peak[],
  index: HashIndex,
  params: FingerprintParams,
  settings: MatchSettings,
): MatchCandidate[] {
  const found: MatchCandidate[] = [];
  for (const transform of settings.grid) {
    for (const candidate of matchTransform(peaks, index, params, transform, settings)) found.push(candidate);
  }
  return found;
}

/** Matches under one transform: look up, vote on coarse offsets, then refine the best votes' slope and offset. */
export function matchTransform(
  peaks: readonly Peak[],
  index: HashIndex,
  params: FingerprintParams,
  transform: PeakTransform,
  settings: Omit<MatchSettings, 'grid'>,
): MatchCandidate[] {
  const query = landmarkHashes(peaks, params, transform, settings.frameSpread);
  const hitQuery: number[] = [];
  const hitGlobal: number[] = [];
  const votes = new Map<number, number>();
  const { offsets, times } = index;
  for (let i = 0; i < query.hashes.length; i++) {
    const h = query.hashes[i];
    const from = offsets[h];
    const to = offsets[h + 1];
    if (from === to || to - from > settings.maxBucket) continue;
    const qf = query.frames[i];
    for (let e = from; e < to; e++) {
      const g = times[e];
      hitQuery.push(Math.round(qf / transform.timeScale));
      hitGlobal.push(g);
      const key = Math.floor((g - qf) / coarseFrames);
      votes.set(key, (votes.get(key) ?? 0) + 1);
    }
  }
  const keys = [...votes.entries()]
    .map(([key, count]) => [key, count + (votes.get(key + 1) ?? 0)] as const)
    .filter(([, count]) => count >= settings.minHits)
    .sort((a, b) => b[1] - a[1])
    .slice(0, settings.candidatesPerTransform);
  const candidates: MatchCandidate[] = [];
  const claimed = new Set<number>();
  for (const [key] of keys) {
    if (claimed.has(key)) continue;
    claimed.add(key);
    claimed.add(key + 1);
    claimed.add(key - 1);
    const lo = (key - 1) * coarseFrames;
    const hi = (key + 3) * coarseFrames;
    const selected: number[] = [];
    for (let i = 0; i < hitGlobal.length; i++) {
      const off = hitGlobal[i] - hitQuery[i] * transform.timeScale;
      if (off >= lo && off < hi) selected.push(i);
    }
    const refined = refineAlignment(selected, hitQuery, hitGlobal, transform.timeScale);
    if (refined.pairs.length < settings.minHits) continue;
    let first = Infinity;
    let last = -Infinity;
    for (const [q] of refined.pairs) {
      if (q < first) first = q;
      if (q > last) last = q;
    }
    candidates.push({
      hits: refined.pairs.length,
      queryHashes: query.hashes.length / (2 * settings.frameSpread + 1),
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
function refineAlignment(
  selected: readonly number[],
  hitQuery: readonly number[],
  hitGlobal: readonly number[],
  timeScale: number,
): { slope: number; offset: number; pairs: [number, number][] } {
  let best = { slope: timeScale, offset: 0, count: -1, start: 0 };
  const offsets = new Float64Array(selected.length);
  for (let s = -slopeSteps; s <= slopeSteps; s++) {
    const slope = timeScale * (1 + (s / slopeSteps) * slopeRange);
    for (let i = 0; i < selected.length; i++) offsets[i] = hitGlobal[selected[i]] - hitQuery[selected[i]] * slope;
    offsets.sort();
    let lo = 0;
    for (let hi = 0; hi < offsets.length; hi++) {
      while (offsets[hi] - offsets[lo] > 2 * alignTolerance) lo++;
      const count = hi - lo + 1;
      if (count > best.count) best = { slope, offset: (offsets[hi] + offsets[lo]) / 2, count, start: lo };
    }
  }
  const pairs: [number, number][] = [];
  const seen = new Set<number>();
  for (const i of selected) {
    const off = hitGlobal[i] - hitQuery[i] * best.slope;
    if (Math.abs(off - best.offset) > alignTolerance) continue;
    // One hit per query anchor and reference frame: the ±1 frame-difference spread can find a pair twice.
    const key = hitQuery[i] * 4294967296 + hitGlobal[i];
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push([hitQuery[i], hitGlobal[i]]);
  }
  return { slope: best.slope, offset: best.offset, pairs };
}
