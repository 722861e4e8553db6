import { lookupOf, recordingAt, type AudioIndex, type IndexedRecording } from './audio-index.js';
import { acceptCandidate, defaultDecisionRule, type DecisionRule } from './decision-rule.js';
import { frameSeconds } from './fingerprint-params.js';
import type { PeakTransform } from './landmark-hashes.js';
import { createQueryMatcher, defaultLookup, type MatchCandidate } from './match-peaks.js';
import { defaultSearchGrid, type SearchGrid } from './search-grid.js';
import type { Peak } from './spectral-peaks.js';

/** One accepted identification of a registered recording inside a query. */
export interface AudioMatch {
  readonly recording: IndexedRecording;
  /** Hash hits on the alignment: the score the decision rule reads. */
  readonly score: number;
  /** Where the match starts in the query and in the reference, and how long it runs in the query, in seconds. */
  readonly queryOffsetS: number;
  readonly referenceOffsetS: number;
  readonly matchedS: number;
  /** Reference seconds per query second (1.05: the query runs 5 % fast). */
  readonly timeFactor: number;
  /** Query pitch over reference pitch (1.0595: one semitone up). */
  readonly frequencyFactor: number;
  readonly candidate: MatchCandidate;
}

/** Options of an identification: the decision rule and the transforms tried. */
export interface IdentifyOptions {
  readonly rule?: DecisionRule;
  readonly grid?: SearchGrid;
  /**
   * Search the whole grid even when a strong match (three times the rule's hits) was already found. Scans of
   * long files set it, so a second, edited recording later in the file is not missed.
   */
  readonly exhaustive?: boolean;
}

/** Turns a candidate into a match on its recording, or undefined when it falls outside every recording. */
export function candidateToMatch(index: AudioIndex, candidate: MatchCandidate): AudioMatch | undefined {
  const frameS = frameSeconds(index.params);
  const refFirst = candidate.globalOffset + candidate.queryFirstFrame * candidate.timeFactor;
  const recording = recordingAt(index, Math.max(0, Math.round(refFirst)));
  if (!recording) return undefined;
  return {
    recording,
    score: candidate.hits,
    queryOffsetS: candidate.queryFirstFrame * frameS,
    referenceOffsetS: (refFirst - recording.startFrame) * frameS,
    matchedS: (candidate.queryLastFrame - candidate.queryFirstFrame) * frameS,
    timeFactor: candidate.timeFactor,
    frequencyFactor: candidate.frequencyFactor,
    candidate,
  };
}

/** Grid neighbours: half a band and one time-scale step apart at most. */
function isNeighbour(a: PeakTransform, b: PeakTransform): boolean {
  return Math.abs(a.bandShift - b.bandShift) <= 0.5 && Math.abs(a.timeScale - b.timeScale) <= 0.031;
}

/**
 * Identifies the indexed recordings in a query's peaks: the transforms of the grid are matched in order,
 * candidates passing the decision rule become matches, and of several matches of one recording over overlapping
 * query time only the best-scored is kept. Sorted by query offset. Unless `exhaustive`, the search stops at a
 * strong match (three times the rule's hits): at once when the identity transform found it, else once the
 * transform's neighbours were tried too, so the reported time and frequency factors are the best nearby.
 */
export function identifyPeaks(peaks: readonly Peak[], index: AudioIndex, options: IdentifyOptions = {}): AudioMatch[] {
  const rule = options.rule ?? defaultDecisionRule;
  const grid = options.grid ?? defaultSearchGrid();
  const frameS = frameSeconds(index.params);
  const matcher = createQueryMatcher(peaks, lookupOf(index), index.params, { candidatesPerTransform: 5, minHits: rule.minHits, ...defaultLookup });
  const found: MatchCandidate[] = [];
  let strongAt: PeakTransform | undefined;
  for (const [n, transform] of grid.entries()) {
    if (strongAt && !isNeighbour(transform, strongAt)) continue;
    for (const candidate of matcher.match(transform)) {
      if (!acceptCandidate(candidate, rule, frameS)) continue;
      found.push(candidate);
      if (!options.exhaustive && !strongAt && candidate.hits >= 3 * rule.minHits) strongAt = transform;
    }
    if (strongAt && n === 0) break;
  }
  const candidates = found.sort((a, b) => b.hits - a.hits);
  const kept: AudioMatch[] = [];
  for (const candidate of candidates) {
    const match = candidateToMatch(index, candidate);
    if (!match) continue;
    const duplicate = kept.some(
      (other) =>
        other.recording === match.recording &&
        Math.min(other.candidate.queryLastFrame, candidate.queryLastFrame) > Math.max(other.candidate.queryFirstFrame, candidate.queryFirstFrame),
    );
    if (!duplicate) kept.push(match);
  }
  return kept.sort((a, b) => a.queryOffsetS - b.queryOffsetS);
}
