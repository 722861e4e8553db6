import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** Records a revenue report. */
export async function insertRevenueReport(db: Kysely<ClefDatabase>, row: ClefDatabase['ai_revenue_reports']): Promise<void> {
  await db.insertInto('ai_revenue_reports').values(row).execute();
}

/** The revenue report of a licence for a month, or undefined. */
export async function findRevenueReport(db: Kysely<ClefDatabase>, licenceId: string, period: string): Promise<ClefDatabase['ai_revenue_reports'] | undefined> {
  return db.selectFrom('ai_revenue_reports').selectAll().where('licence_id', '=', licenceId).where('period', '=', period).executeTakeFirst();
}

/** Records the pools of an AI run. */
export async function insertAiPools(db: Kysely<ClefDatabase>, rows: readonly ClefDatabase['ai_pools'][]): Promise<void> {
  if (rows.length > 0) await db.insertInto('ai_pools').values([...rows]).execute();
}

/** The AI pools already booked for a licence and month. */
export async function findAiPools(db: Kysely<ClefDatabase>, licenceId: string, period: string): Promise<ClefDatabase['ai_pools'][]> {
  return db.selectFrom('ai_pools').selectAll().where('licence_id', '=', licenceId).where('period', '=', period).orderBy('pool_id').execute();
}

/** One AI pool by id, or undefined (a usage pool is not one). */
export async function findAiPoolById(db: Kysely<ClefDatabase>, poolId: string): Promise<ClefDatabase['ai_pools'] | undefined> {
  return db.selectFrom('ai_pools').selectAll().where('pool_id', '=', poolId).executeTakeFirst();
}
