import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { sumAccounts } from '../../store/distribution/ledger-sum-queries.js';
import { listRunRows } from '../../store/distribution/run-queries.js';

/** A run that booked money to a payee, with the payee's total in it. */
export interface PayeeRun {
  readonly run_id: string;
  readonly kind: string;
  readonly period: string;
  readonly created_at: string;
  readonly currency: string;
  readonly amount_micros: string;
}

/** The runs that booked anything to a member (party id) or sister society (code), newest first: its statements. */
export async function listPayeeRuns(context: Pick<RegistryContext, 'store'>, kind: 'party' | 'society', id: string): Promise<PayeeRun[]> {
  const runs = await listRunRows(context.store.db);
  const found: PayeeRun[] = [];
  for (const run of runs) {
    const total = (await sumAccounts(context.store.db, [run.run_id])).find((t) => t.account_kind === kind && t.account_id === id);
    if (total) found.push({ run_id: run.run_id, kind: run.kind, period: run.period, created_at: run.created_at, currency: run.currency, amount_micros: String(total.amount_micros) });
  }
  return found.reverse();
}
