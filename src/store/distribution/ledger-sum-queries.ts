import { sql, type Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** One account's total in a set of runs. */
export interface AccountTotal {
  readonly account_kind: string;
  readonly account_id: string;
  readonly amount_micros: bigint;
}

const total = sql<string>`sum(amount_micros)`;

/** The totals of every account booked by the given runs (all runs when `runIds` is omitted), in account order. */
export async function sumAccounts(db: Kysely<ClefDatabase>, runIds?: readonly string[]): Promise<AccountTotal[]> {
  if (runIds !== undefined && runIds.length === 0) return [];
  let query = db.selectFrom('ledger_entries').select(['account_kind', 'account_id', total.as('amount_micros')]).groupBy(['account_kind', 'account_id']);
  if (runIds !== undefined) query = query.where('run_id', 'in', runIds);
  const rows = await query.orderBy('account_kind').orderBy('account_id').execute();
  return rows.map((row) => ({ account_kind: row.account_kind, account_id: row.account_id, amount_micros: BigInt(String(row.amount_micros)) }));
}
