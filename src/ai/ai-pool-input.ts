import { daysInMonth } from '../calendar/index.js';
import type { LedgerEntry, PoolAllocation, PoolInput } from '../distribution/index.js';
import type { AiPoolSource } from './ai-pool-amounts.js';

/** A licensed training subject: a work, or a recording no work is linked to (its money waits for the work). */
export interface AiPoolSubject {
  /** The work id, or `recording:<id>` for a recording without a work. */
  readonly key: string;
  readonly workId: string | null;
  readonly recordingId: string | null;
  readonly items: bigint;
}

/** The TIS code of the World: AI remuneration is not tied to a country, so shares for the world apply. */
const worldTis = 2136;

/** The id of a licence's pool for a month and source; the same in every run that books it. */
export function aiPoolId(licenceId: string, period: string, source: AiPoolSource): string {
  return `AI-${licenceId}-${period}-${source}`;
}

/** The last day of a month `YYYY-MM`. */
export function monthEnd(period: string): string {
  const [year, month] = period.split('-').map(Number);
  const days = daysInMonth(year, month);
  return `${period}-${String(days).padStart(2, '0')}`;
}

/**
 * One AI pool as the distribution engine takes it: one line per licensed subject weighing what the division rule
 * gave it, for the reproduction (mechanical) right, in the world, on the month's last day, so `allocatePool` divides
 * it exactly as it divides usage money (commission, works, collection shares, members, sister societies, reserves).
 */
export function aiPoolInput(input: {
  readonly licenceId: string;
  readonly period: string;
  readonly source: AiPoolSource;
  readonly amountMicros: bigint;
  readonly subjects: readonly AiPoolSubject[];
  readonly weights: ReadonlyMap<string, bigint>;
}): PoolInput {
  const subjects = [...input.subjects].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    poolId: aiPoolId(input.licenceId, input.period, input.source),
    scope: { dsp: input.licenceId, commercialModel: 'AiTraining', useType: input.source },
    territoryTis: worldTis,
    date: monthEnd(input.period),
    amountMicros: input.amountMicros,
    summaryWeight: null,
    rights: ['MR'],
    rightsSplit: null,
    lines: subjects.map((s, i) => ({
      key: s.key, reportId: input.licenceId, lineNumber: i + 1, weight: input.weights.get(s.key) ?? 0n, usages: s.items, royaltyBearing: true, conflict: false,
      match: { kind: 'recording' as const, recordingId: s.workId === null ? s.recordingId : null, workIds: s.workId === null ? [] : [s.workId] },
    })),
  };
}

/** Moves the non-members' shares of an AI pool from the usage reserve to the AI escrow, where they wait to be claimed. */
export function escrowNonMembers(allocation: PoolAllocation): PoolAllocation {
  const entries = allocation.entries.map((e): LedgerEntry => (e.accountKind === 'reserve' && e.accountId === 'non_member' ? { ...e, accountId: 'ai_escrow' } : e));
  return { ...allocation, entries };
}
