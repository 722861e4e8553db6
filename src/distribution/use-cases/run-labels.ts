import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { readLiveLabels, readRunLabels, type StatementLabelRows } from '../../store/distribution/run-label-queries.js';
import type { ClefDatabase } from '../../store/index.js';

/** A party as statements and run figures print it. */
export interface PartyLabel {
  readonly name: string;
  readonly ipis: string[];
}

/** What a run's statements print of its works and parties, and whether it was recorded with the run. */
export interface RunLabels {
  readonly works: ReadonlyMap<string, { readonly title: string | null; readonly iswc: string | null }>;
  readonly parties: ReadonlyMap<string, PartyLabel>;
  /** False for runs booked before labels were recorded with runs: their labels are the registry's now. */
  readonly recorded: boolean;
}

/** Display names (`NAME, First`) and IPI name numbers of parties, by party id. */
export function labelParties(rows: Pick<StatementLabelRows, 'parties' | 'ipis'>): Map<string, PartyLabel> {
  const labels = new Map<string, PartyLabel>();
  for (const party of rows.parties) labels.set(party.party_id, { name: party.first_name ? `${party.name}, ${party.first_name}` : party.name, ipis: [] });
  for (const ipi of rows.ipis) labels.get(ipi.party_id)?.ipis.push(ipi.ipi_name_number);
  return labels;
}

/**
 * The labels of a run's works and parties as they were when it was booked, so an ACK import, a merge or a rename
 * never changes a booked run's statements; a run booked before migration 0011 falls back to the registry now.
 */
export async function runLabels(
  context: Pick<RegistryContext, 'store'>,
  run: Pick<ClefDatabase['distribution_runs'], 'run_id' | 'labels_recorded'>,
  workIds: readonly string[],
  partyIds: readonly string[],
): Promise<RunLabels> {
  const recorded = Boolean(run.labels_recorded);
  const rows = recorded ? await readRunLabels(context.store.db, run.run_id) : await readLiveLabels(context.store.db, workIds, partyIds);
  return { works: new Map(rows.works.map((w) => [w.work_id, { title: w.title, iswc: w.iswc }])), parties: labelParties(rows), recorded };
}
