import { lookupOf, type AudioIndex, type IndexedRecording } from './audio-index.js';
import { acceptCandidate, defaultDecisionRule, type DecisionRule } from './decision-rule.js';
import { frameSeconds } from './fingerprint-params.js';
import { landmarkHashes } from './landmark-hashes.js';
import { defaultLookup, matchPeaks } from './match-peaks.js';
import { defaultSearchGrid, type SearchGrid } from './search-grid.js';
import type { Peak } from './spectral-peaks.js';

/** A stretch of the query aligned with the reference without a gap longer than a second. */
export interface AlignedSegment {
  readonly query_start_s: number;
  readonly query_end_s: number;
  readonly reference_start_s: number;
  readonly reference_end_s: number;
  readonly hits: number;
}

/** The evidence that a query contains (or does not contain) one recording. */
export interface MatchEvidence {
  readonly recording: { readonly recording_id: string | null; readonly isrc: string | null; readonly title: string | null; readonly file: string };
  /** Whether the decision rule accepts the best alignment, and the rule applied. */
  readonly accepted: boolean;
  readonly decision_rule: { readonly min_hits: number; readonly min_span_s: number };
  readonly score: number;
  readonly time_factor: number;
  readonly frequency_factor: number;
  readonly matched_span: { readonly query_start_s: number; readonly query_end_s: number; readonly reference_start_s: number; readonly reference_end_s: number; readonly matched_s: number };
  /** Query hashes inside the matched span, how many found the reference on the alignment, and the ratio. */
  readonly hash_agreement: { readonly query_hashes: number; readonly matched: number; readonly ratio: number };
  readonly segments: readonly AlignedSegment[];
  /** Every agreeing hash as (query second, reference second), for the alignment plot. */
  readonly points: readonly (readonly [number, number])[];
  readonly query_duration_s: number;
  readonly reference_duration_s: number;
}

const r3 = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Computes the evidence for one query against one indexed recording: the best alignment under the search
 * grid restricted to that recording, its segments on a query-time/reference-time timeline, the matched span and
 * the hash agreement. Returns an evidence with no points when nothing aligns.
 */
export function computeMatchEvidence(
  peaks: readonly Peak[],
  queryFrames: number,
  index: AudioIndex,
  recording: IndexedRecording,
  rule: DecisionRule = defaultDecisionRule,
  grid: SearchGrid = defaultSearchGrid(),
): MatchEvidence {
  const frameS = frameSeconds(index.params);
  const start = recording.startFrame;
  const end = start + recording.frameCount;
  const candidates = matchPeaks(peaks, lookupOf(index), index.params, { grid, candidatesPerTransform: 10, minHits: 3, ...defaultLookup })
    .filter((c) => {
      const first = c.globalOffset + c.queryFirstFrame * c.timeFactor;
      return first >= start - 64 && first < end;
    })
    .sort((a, b) => b.hits - a.hits);
  const best = candidates[0];
  const base = {
    recording: { recording_id: recording.recordingId ?? null, isrc: recording.isrc ?? null, title: recording.title ?? null, file: recording.file },
    decision_rule: { min_hits: rule.minHits, min_span_s: rule.minSpanS },
    query_duration_s: r3(queryFrames * frameS),
    reference_duration_s: r3(recording.frameCount * frameS),
  };
  if (!best) {
    return {
      ...base,
      accepted: false,
      score: 0,
      time_factor: 1,
      frequency_factor: 1,
      matched_span: { query_start_s: 0, query_end_s: 0, reference_start_s: 0, reference_end_s: 0, matched_s: 0 },
      hash_agreement: { query_hashes: 0, matched: 0, ratio: 0 },
      segments: [],
      points: [],
    };
  }
  const pairs = [...best.pairs].sort((a, b) => a[0] - b[0]);
  const points = pairs.map(([q, g]) => [r3(q * frameS), r3((g - start) * frameS)] as const);
  const segments: AlignedSegment[] = [];
  let from = 0;
  for (let i = 1; i <= points.length; i++) {
    if (i === points.length || points[i][0] - points[i - 1][0] > 1) {
      const part = points.slice(from, i);
      segments.push({
        query_start_s: part[0][0],
        query_end_s: part[part.length - 1][0],
        reference_start_s: Math.min(...part.map((p) => p[1])),
        reference_end_s: Math.max(...part.map((p) => p[1])),
        hits: part.length,
      });
      from = i;
    }
  }
  const query = landmarkHashes(peaks, index.params, best.transform);
  let inSpan = 0;
  for (const f of query.frames) {
    const q = f / best.transform.timeScale;
    if (q >= best.queryFirstFrame - 0.5 && q <= best.queryLastFrame + 0.5) inSpan++;
  }
  const refStart = best.globalOffset + best.queryFirstFrame * best.timeFactor - start;
  const refEnd = best.globalOffset + best.queryLastFrame * best.timeFactor - start;
  return {
    ...base,
    accepted: acceptCandidate(best, rule, frameS),
    score: best.hits,
    time_factor: Math.round(best.timeFactor * 10000) / 10000,
    frequency_factor: Math.round(best.frequencyFactor * 10000) / 10000,
    matched_span: {
      query_start_s: r3(best.queryFirstFrame * frameS),
      query_end_s: r3(best.queryLastFrame * frameS),
      reference_start_s: r3(refStart * frameS),
      reference_end_s: r3(refEnd * frameS),
      matched_s: r3((best.queryLastFrame - best.queryFirstFrame) * frameS),
    },
    hash_agreement: { query_hashes: inSpan, matched: best.hits, ratio: inSpan > 0 ? Math.round((best.hits / inSpan) * 1000) / 1000 : 0 },
    segments,
    points,
  };
}
