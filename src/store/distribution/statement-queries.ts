import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** A run's bookings to members and sister societies with their pool's source (no usage report for AI pools), in statement order. */
export async function readStatementEntries(db: Kysely<ClefDatabase>, runId: string) {
  return db
    .selectFrom('ledger_entries as e')
    .innerJoin('distribution_pools as p', (join) => join.onRef('p.run_id', '=', 'e.run_id').onRef('p.pool_id', '=', 'e.pool_id'))
    .leftJoin('usage_reports as r', 'r.report_id', 'p.report_id')
    .select([
      'e.account_kind', 'e.account_id', 'e.party_id', 'e.work_id', 'e.right_code', 'e.pool_id', 'e.amount_micros', 'e.usages',
      'p.dsp', 'p.summary_record_id', 'p.commercial_model', 'p.use_type', 'p.territory', 'r.message_id',
    ])
    .where('e.run_id', '=', runId)
    .where('e.account_kind', 'in', ['party', 'society'])
    .orderBy('e.account_kind').orderBy('e.account_id').orderBy('e.work_id').orderBy('e.right_code').orderBy('e.pool_id').orderBy('e.party_id')
    .execute();
}

/** The ledger entries of a run for one account, pool, work and right (a statement line's bookings). */
export async function readStatementLineEntries(db: Kysely<ClefDatabase>, runId: string, accountId: string, poolId: string, workId: string, right: string) {
  return db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('run_id', '=', runId)
    .where('account_kind', 'in', ['party', 'society'])
    .where('account_id', '=', accountId)
    .where('pool_id', '=', poolId)
    .where('work_id', '=', workId)
    .where('right_code', '=', right)
    .execute();
}

/** One pool of a run, or undefined. */
export async function findRunPool(db: Kysely<ClefDatabase>, runId: string, poolId: string) {
  return db.selectFrom('distribution_pools').selectAll().where('run_id', '=', runId).where('pool_id', '=', poolId).executeTakeFirst();
}
