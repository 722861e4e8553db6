import type { Kysely } from 'kysely';
import { defineTable } from './define-table.js';

/**
 * Reserve claims with what they claim (pool, work, recording, right, amount) and what paid them. 0003's table had no amount;
 * nothing wrote to it before this migration, so it is replaced rather than altered.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reserve_claims').execute();
  await defineTable(db, 'reserve_claims', [
    ['claim_id', 'text'], ['reserve', 'text'], ['party_id', 'text'], ['pool_id', 'text', 'null'],
    ['work_id', 'text', 'null'], ['recording_id', 'text', 'null'], ['right_code', 'text', 'null'], ['share_party_id', 'text', 'null'],
    ['amount_micros', 'bigint'], ['evidence', 'text'], ['status', 'text'], ['created_at', 'text'], ['decided_at', 'text', 'null'],
    ['paid_run_id', 'text', 'null'], ['paid_micros', 'bigint', 'null'], ['actor', 'text'],
  ], ['claim_id']);
}
