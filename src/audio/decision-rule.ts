import type { MatchCandidate } from './match-peaks.js';

/**
 * When an alignment counts as an identification: enough hash hits on one alignment line and a matched span
 * long enough that chance agreements (a few hits close together) never pass. Calibrated on never-indexed music
 * in the benchmark (bench/audio-identification.bench.ts) to give zero false positives.
 */
export interface DecisionRule {
  readonly minHits: number;
  readonly minSpanS: number;
}

/** Clef's default rule. */
export const defaultDecisionRule: DecisionRule = { minHits: 14, minSpanS: 2 };

/** True when a candidate passes the rule (`frameS`: seconds per frame). */
export function acceptCandidate(candidate: MatchCandidate, rule: DecisionRule, frameS: number): boolean {
  return candidate.hits >= rule.minHits && (candidate.queryLastFrame - candidate.queryFirstFrame) * frameS >= rule.minSpanS;
}
