import { sql, type Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** One payee's bookings in a run with their pool's source and report period (none for AI pools), in statement order. */
export async function readPayeeStatementEntries(db: Kysely<ClefDatabase>, runId: string, accountKind: 'party' | 'society', accountId: string) {
  return db
    .selectFrom('ledger_entries as e')
    .innerJoin('distribution_pools as p', (join) => join.onRef('p.run_id', '=', 'e.run_id').onRef('p.pool_id', '=', 'e.pool_id'))
    .leftJoin('usage_reports as r', 'r.report_id', 'p.report_id')
    .select([
      'e.work_id', 'e.right_code', 'e.pool_id', 'e.amount_micros', 'e.usages', 'p.dsp', 'p.summary_record_id',
      'p.commercial_model', 'p.use_type', 'p.territory', 'r.message_id', 'r.period_start', 'r.period_end',
    ])
    .where('e.run_id', '=', runId)
    .where('e.account_kind', '=', accountKind)
    .where('e.account_id', '=', accountId)
    .orderBy('e.work_id').orderBy('e.right_code').orderBy('e.pool_id').orderBy('e.party_id')
    .execute();
}

/** What a run booked to everyone (payees, reserves) per pool, work and right of the given works: the whole of which a payee's line is a share. */
export async function readWorkRightTotals(db: Kysely<ClefDatabase>, runId: string, workIds: readonly string[]) {
  const totals: { pool_id: string; work_id: string | null; right_code: string | null; amount_micros: bigint }[] = [];
  for (let start = 0; start < workIds.length; start += 1000) {
    const rows = await db
      .selectFrom('ledger_entries')
      .select(['pool_id', 'work_id', 'right_code', sql<string>`sum(amount_micros)`.as('amount_micros')])
      .where('run_id', '=', runId)
      .where('account_kind', '!=', 'commission')
      .where('work_id', 'in', workIds.slice(start, start + 1000))
      .groupBy(['pool_id', 'work_id', 'right_code'])
      .execute();
    for (const row of rows) totals.push({ ...row, amount_micros: BigInt(String(row.amount_micros)) });
  }
  return totals;
}
