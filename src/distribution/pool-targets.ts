import { ClefError } from '../errors/clef-error.js';
import type { PoolRules } from './distribution-policy.js';
import type { LineMatch, RegistrySnapshot } from './distribution-input.js';

/** Where a pool's lines send their value: a recording with its payable works, or the unmatched or disputed reserve. */
export interface PoolTarget {
  readonly kind: 'unmatched' | 'disputed' | 'recording';
  readonly recordingId: string | null;
  /** The works the value is divided between equally, sorted (fully AI-generated ones left out when redistributed). */
  readonly workIds: readonly string[];
  /** A medley's unidentified parts, each weighing as much as a work. */
  readonly unidentifiedParts: number;
  value: bigint;
  usages: bigint;
}

/** A pool's lines gathered by target: each target's value and usages, the unreported-usage reserve's value and the counts behind them. */
export interface PoolTargets {
  readonly targets: readonly PoolTarget[];
  readonly unreported: bigint;
  readonly lines: number;
  readonly matchedLines: number;
  readonly usages: bigint;
  readonly matchedUsages: bigint;
  /** Whether any line weighs less than zero: only then may the pool book a negative amount. */
  readonly anyNegative: boolean;
  /** Every work the lines' matches name, payable or not (the run's registry snapshot keeps them). */
  readonly namedWorks: ReadonlySet<string>;
}

/** Whether lines with this match carry no money: every work they name is fully AI-generated and the policy redistributes it. */
export function silencedByAi(match: LineMatch, registry: RegistrySnapshot, rules: PoolRules): boolean {
  if (rules.aiGenerated.treatment !== 'redistribute' || match.kind !== 'recording' || match.workIds.length === 0) return false;
  return match.workIds.every((id) => registry.works.get(id)?.fullyAiGenerated === true);
}

/**
 * Gathers a pool's lines (one at a time, or a resource's lines at once) by the target their value goes to, so a
 * pool's division ends in one value per target whether it was done line by line here or by the store.
 */
export class PoolTargetSet {
  readonly #targets = new Map<string, PoolTarget>();
  readonly #namedWorks = new Set<string>();
  readonly #registry: RegistrySnapshot;
  readonly #rules: PoolRules;
  #lines = 0;
  #matchedLines = 0;
  #usages = 0n;
  #matchedUsages = 0n;

  constructor(registry: RegistrySnapshot, rules: PoolRules) {
    this.#registry = registry;
    this.#rules = rules;
  }

  /** Counts lines with this match (and conflict flag) into their target, and returns the target. */
  add(match: LineMatch, conflict: boolean, lines: number, usages: bigint): PoolTarget {
    const works = this.#payableWorks(match);
    const kind = conflict ? 'disputed' : match.kind === 'recording' ? 'recording' : 'unmatched';
    const recordingId = kind === 'recording' && match.kind === 'recording' ? match.recordingId : null;
    const unidentifiedParts = kind === 'recording' && match.kind === 'recording' ? match.unidentifiedParts ?? 0 : 0;
    const key = kind === 'recording' ? `recording:${recordingId ?? ''}:${works.join(',')}:${unidentifiedParts}` : kind;
    let target = this.#targets.get(key);
    if (!target) this.#targets.set(key, (target = { kind, recordingId, workIds: works, unidentifiedParts, value: 0n, usages: 0n }));
    target.usages += usages;
    this.#lines += lines;
    this.#usages += usages;
    if (kind === 'recording') {
      this.#matchedLines += lines;
      this.#matchedUsages += usages;
    }
    return target;
  }

  /** The gathered targets, with the unreported-usage reserve's value. */
  result(unreported: bigint, anyNegative: boolean): PoolTargets {
    return {
      targets: [...this.#targets.values()],
      unreported,
      lines: this.#lines,
      matchedLines: this.#matchedLines,
      usages: this.#usages,
      matchedUsages: this.#matchedUsages,
      anyNegative,
      namedWorks: this.#namedWorks,
    };
  }

  #payableWorks(match: LineMatch): readonly string[] {
    if (match.kind !== 'recording') return [];
    const workIds = [...new Set(match.workIds)].sort();
    for (const workId of workIds) {
      if (!this.#registry.works.has(workId)) throw new ClefError('CLEF_DISTRIBUTION_INPUT_INVALID', `a line names the work ${workId}, which the registry snapshot lacks`, { field: 'workId', value: workId });
      this.#namedWorks.add(workId);
    }
    if (this.#rules.aiGenerated.treatment !== 'redistribute') return workIds;
    return workIds.filter((id) => !this.#registry.works.get(id)!.fullyAiGenerated);
  }
}
