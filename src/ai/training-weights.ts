import type { FeeDivision } from './ai-licence.js';

/** A licensed work as the division rules see it: how much of it the model trained on. */
export interface UsedWork {
  readonly workId: string;
  /** Declared items (manifest rows, dataset files) identified as this work. */
  readonly items: bigint;
  /** The total duration used, in milliseconds; null when some item did not say. */
  readonly durationMs: bigint | null;
}

/**
 * Each work's use in training: its duration when every work declares one, else its number of items (the
 * pro-rata rule, and the analogy the attribution fallback relies on).
 */
export function trainingUseWeights(works: readonly UsedWork[]): Map<string, bigint> {
  const byDuration = works.length > 0 && works.every((w) => w.durationMs !== null && w.durationMs > 0n);
  return new Map(works.map((w) => [w.workId, byDuration ? w.durationMs! : w.items]));
}

/**
 * Attribution weights with the fallback by analogy: the works an attribution report weighs share the part of the
 * money their use in training represents, by their attribution weight; the works it does not weigh share the rest
 * by their use in training. With weights a (attributed works, total A) and uses t (total T, T_a for the
 * attributed works) the shares are a_i/A · T_a/T and t_j/T, kept in integers as a_i·T_a and t_j·A. Attribution
 * for works outside `works` is ignored; without any the division is pro-rata.
 */
export function attributionWeights(works: readonly UsedWork[], attribution: ReadonlyMap<string, bigint> | null): Map<string, bigint> {
  const uses = trainingUseWeights(works);
  const attributed = works.filter((w) => (attribution?.get(w.workId) ?? 0n) > 0n);
  const totalAttribution = attributed.reduce((sum, w) => sum + attribution!.get(w.workId)!, 0n);
  if (totalAttribution === 0n) return uses;
  const attributedUse = attributed.reduce((sum, w) => sum + uses.get(w.workId)!, 0n);
  return new Map(works.map((w) => {
    const a = attribution?.get(w.workId) ?? 0n;
    return [w.workId, a > 0n ? a * attributedUse : uses.get(w.workId)! * totalAttribution];
  }));
}

/** The weights a licence's fee division rule gives the works: one each (`equal`), by use (`pro-rata`) or by attribution with fallback. */
export function divisionWeights(rule: FeeDivision, works: readonly UsedWork[], attribution: ReadonlyMap<string, bigint> | null): Map<string, bigint> {
  if (rule === 'equal') return new Map(works.map((w) => [w.workId, 1n]));
  if (rule === 'pro-rata') return trainingUseWeights(works);
  return attributionWeights(works, attribution);
}
