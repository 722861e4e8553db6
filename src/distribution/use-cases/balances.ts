import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { sumAccounts } from '../../store/distribution/ledger-sum-queries.js';
import { partyLabels } from './run-figures.js';

/** What a member or sister society is owed across every run (adjustments included), in micro-units. */
export interface Balance {
  readonly kind: 'member' | 'society';
  readonly id: string;
  readonly name: string;
  readonly ipi_name_numbers: readonly string[];
  readonly amount_micros: string;
}

/** Every member's and sister society's balance across runs, or only the named party's or society's. */
export async function listBalances(context: Pick<RegistryContext, 'store'>, party?: string): Promise<Balance[]> {
  const totals = (await sumAccounts(context.store.db)).filter((t) => (t.account_kind === 'party' || t.account_kind === 'society') && t.amount_micros !== 0n);
  const labels = await partyLabels(context, totals.filter((t) => t.account_kind === 'party').map((t) => t.account_id));
  return totals
    .map((t) => {
      const label = labels.get(t.account_id);
      return { kind: t.account_kind === 'party' ? 'member' : 'society', id: t.account_id, name: label?.name ?? t.account_id, ipi_name_numbers: label?.ipis ?? [], amount_micros: String(t.amount_micros) } as const;
    })
    .filter((b) => party === undefined || b.id === party || b.ipi_name_numbers.includes(party));
}
