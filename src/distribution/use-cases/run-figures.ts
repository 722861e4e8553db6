import { ClefError } from '../../errors/index.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { sumAccounts } from '../../store/distribution/ledger-sum-queries.js';
import { readPartyNames } from '../../store/distribution/run-label-queries.js';
import { findRunRow, listRunRows } from '../../store/distribution/run-queries.js';
import { reserveKinds } from '../ledger-entry.js';
import { labelParties, runLabels, type PartyLabel } from './run-labels.js';

/** A run in `clef runs list`. */
export interface RunListItem {
  readonly run_id: string;
  readonly period: string;
  readonly kind: string;
  readonly created_at: string;
  readonly money_in_micros: string;
}

/** A run's figures as `clef runs show --json` prints them: amounts are strings of integers (micro-units). */
export interface RunFigures {
  readonly run_id: string;
  /** `distribution`, `adjustment`, `claims`, `release` or `ai`. */
  readonly kind: string;
  readonly period: string;
  readonly money_in_micros: string;
  readonly commission_micros: string;
  readonly allocated_micros: string;
  readonly reserves: {
    readonly unmatched_micros: string;
    readonly unidentified_work_micros: string;
    readonly undocumented_share_micros: string;
    readonly disputed_micros: string;
    readonly non_member_micros: string;
    readonly ai_generated_micros: string;
    readonly unreported_usage_micros: string;
    readonly ai_escrow_micros: string;
  };
  readonly sister_societies: readonly { readonly society: string; readonly amount_micros: string }[];
  /** Shares of the run's lines, usages and money (after commission) that found a recording, from 0 to 1. */
  readonly match_rate: { readonly lines: number; readonly usages: number; readonly money: number };
  readonly parties: readonly { readonly party_id: string; readonly ipi_name_numbers: readonly string[]; readonly name: string; readonly amount_micros: string }[];
}

/** A ratio to four decimals, computed on integers; 0 when there is nothing to divide. */
export function ratio(part: bigint, whole: bigint): number {
  if (whole === 0n) return 0;
  return Number((part * 10_000n) / whole) / 10_000;
}

/** Every run (distributions, adjustments, releases) in creation order. */
export async function listRuns(context: Pick<RegistryContext, 'store'>): Promise<RunListItem[]> {
  return (await listRunRows(context.store.db)).map((run) => ({ run_id: run.run_id, period: run.period, kind: run.kind, created_at: run.created_at, money_in_micros: String(run.money_in_micros) }));
}

/** Display names and IPI name numbers of parties as the registry has them now, by party id. */
export async function partyLabels(context: Pick<RegistryContext, 'store'>, partyIds: readonly string[]): Promise<Map<string, PartyLabel>> {
  return labelParties(await readPartyNames(context.store.db, partyIds));
}

/** A run's figures: money in, commission, allocations, each reserve, sister societies, match rates and each member's amount. */
export async function showRun(context: Pick<RegistryContext, 'store'>, runId: string): Promise<RunFigures> {
  const run = await findRunRow(context.store.db, runId);
  if (!run) throw new ClefError('CLEF_NOT_FOUND', `no run ${runId} (see clef runs list)`, { value: runId });
  const totals = await sumAccounts(context.store.db, [runId]);
  const of = (kind: string, id: string): string => String(totals.find((t) => t.account_kind === kind && t.account_id === id)?.amount_micros ?? 0n);
  const reserves = Object.fromEntries(reserveKinds.map((kind) => [`${kind}_micros`, of('reserve', kind)])) as unknown as RunFigures['reserves'];
  const parties = totals.filter((t) => t.account_kind === 'party');
  const { parties: labels } = await runLabels(context, run, [], parties.map((p) => p.account_id));
  return {
    run_id: run.run_id,
    kind: run.kind,
    period: run.period,
    money_in_micros: String(run.money_in_micros),
    commission_micros: String(run.commission_micros),
    allocated_micros: String(run.allocated_micros),
    reserves,
    sister_societies: totals.filter((t) => t.account_kind === 'society').map((t) => ({ society: t.account_id, amount_micros: String(t.amount_micros) })),
    match_rate: {
      lines: ratio(BigInt(run.matched_lines), BigInt(run.lines)),
      usages: ratio(BigInt(run.matched_usages), BigInt(run.usages)),
      money: ratio(BigInt(run.matched_micros), BigInt(run.line_micros)),
    },
    parties: parties.map((t) => ({ party_id: t.account_id, ipi_name_numbers: labels.get(t.account_id)?.ipis ?? [], name: labels.get(t.account_id)?.name ?? '', amount_micros: String(t.amount_micros) })),
  };
}
