import { lookupOf, recordingAt, type AudioIndex, type IndexedRecording } from './audio-index.js';
import { acceptCandidate, defaultDecisionRule, type DecisionRule } from './decision-rule.js';
import { frameSeconds } from './fingerprint-params.js';
import { defaultLookup, matchPeaks, type MatchCandidate } from './match-peaks.js';
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
   * Search the whole grid even when the identity transform already found a strong match (three times the
   * rule's hits). Scans of long files set it, so a second, edited recording later in the file is not missed.
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

/**
 * Identifies the indexed recordings in a query's peaks: every transform of the grid is matched, candidates
 * passing the decision rule become matches, and of several matches of one recording over overlapping query
 * time only the best-scored is kept. Sorted by query offset.
 */
export function identifyPeaks(peaks: readonly Peak[], index: AudioIndex, options: IdentifyOptions = {}): AudioMatch[] {
  const rule = options.rule ?? defaultDecisionRule;
  const grid = options.grid ?? defaultSearchGrid();
  const frameS = frameSeconds(index.params);
  const settings = { candidatesPerTransform: 5, minHits: rule.minHits, ...defaultLookup };
  const lookup = lookupOf(index);
  const accepted = (list: MatchCandidate[]) => list.filter((candidate) => acceptCandidate(candidate, rule, frameS));
  let found = accepted(matchPeaks(peaks, lookup, index.params, { ...settings, grid: grid.slice(0, 1) }));
  if (options.exhaustive || !found.some((candidate) => candidate.hits >= 3 * rule.minHits)) {
    found = found.concat(accepted(matchPeaks(peaks, lookup, index.params, { ...settings, grid: grid.slice(1) })));
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
