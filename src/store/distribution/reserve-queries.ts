import { sql, type Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** What one run booked to one reserve slot (pool, work, recording, right, party), with the pool's DSP and usage period end. */
export interface ReserveHoldingRow {
  readonly reserve: string;
  readonly run_id: string;
  readonly pool_id: string;
  readonly dsp: string;
  readonly period_end: string;
  readonly work_id: string | null;
  readonly recording_id: string | null;
  readonly right_code: string | null;
  readonly party_id: string | null;
  readonly amount_micros: bigint;
}

const total = sql<string>`sum(e.amount_micros)`;

/** A pool's period end: its usage report's, or for an AI pool its month's last day. */
const periodEnd = sql<string>`coalesce(r.period_end, a.period_end)`;

/** Every run's bookings to the reserves (or to one reserve), summed per slot, in key order. */
export async function readReserveHoldings(db: Kysely<ClefDatabase>, reserve?: string): Promise<ReserveHoldingRow[]> {
  let query = db
    .selectFrom('ledger_entries as e')
    .innerJoin('distribution_pools as p', (join) => join.onRef('p.run_id', '=', 'e.run_id').onRef('p.pool_id', '=', 'e.pool_id'))
    .leftJoin('usage_reports as r', 'r.report_id', 'p.report_id')
    .leftJoin('ai_pools as a', 'a.pool_id', 'e.pool_id')
    .select(['e.account_id as reserve', 'e.run_id', 'e.pool_id', 'p.dsp', periodEnd.as('period_end'), 'e.work_id', 'e.recording_id', 'e.right_code', 'e.party_id', total.as('amount_micros')])
    .where('e.account_kind', '=', 'reserve')
    .groupBy(['e.account_id', 'e.run_id', 'e.pool_id', 'p.dsp', periodEnd, 'e.work_id', 'e.recording_id', 'e.right_code', 'e.party_id']);
  if (reserve !== undefined) query = query.where('e.account_id', '=', reserve);
  const rows = await query
    .orderBy('e.account_id').orderBy('e.pool_id').orderBy('e.work_id').orderBy('e.recording_id').orderBy('e.right_code').orderBy('e.party_id').orderBy('e.run_id')
    .execute();
  return rows.map((row) => ({ ...row, period_end: String(row.period_end), amount_micros: BigInt(String(row.amount_micros)) }));
}

/** What members and sister societies were paid by distributions and adjustments from pools whose usage period ends in a month, summed per slot. */
export async function readPaidShares(db: Kysely<ClefDatabase>, period: string) {
  const rows = await db
    .selectFrom('ledger_entries as e')
    .innerJoin('distribution_runs as run', 'run.run_id', 'e.run_id')
    .innerJoin('distribution_pools as p', (join) => join.onRef('p.run_id', '=', 'e.run_id').onRef('p.pool_id', '=', 'e.pool_id'))
    .innerJoin('usage_reports as r', 'r.report_id', 'p.report_id')
    .select(['p.dsp', 'e.pool_id', 'e.account_kind', 'e.account_id', 'e.party_id', 'e.work_id', 'e.recording_id', 'e.right_code', total.as('amount_micros')])
    .where('e.account_kind', 'in', ['party', 'society'])
    .where('run.kind', 'in', ['distribution', 'adjustment'])
    .where('r.period_end', '>=', `${period}-01`)
    .where('r.period_end', '<=', `${period}-31`)
    .groupBy(['p.dsp', 'e.pool_id', 'e.account_kind', 'e.account_id', 'e.party_id', 'e.work_id', 'e.recording_id', 'e.right_code'])
    .execute();
  return rows.map((row) => ({ ...row, amount_micros: BigInt(String(row.amount_micros)) }));
}

/** One row per pool id among the given ones, as some run recorded it (the report and summary are the same in every run). */
export async function readPoolSources(db: Kysely<ClefDatabase>, poolIds: readonly string[]): Promise<ClefDatabase['distribution_pools'][]> {
  if (poolIds.length === 0) return [];
  const rows = await db.selectFrom('distribution_pools').selectAll().where('pool_id', 'in', [...poolIds]).orderBy('pool_id').orderBy('run_id').execute();
  return [...new Map(rows.map((row) => [row.pool_id, row] as const)).values()];
}

/** Records a new claim. */
export async function insertClaim(db: Kysely<ClefDatabase>, row: ClefDatabase['reserve_claims']): Promise<void> {
  await db.insertInto('reserve_claims').values(row).execute();
}

/** One claim, or undefined. */
export async function findClaim(db: Kysely<ClefDatabase>, claimId: string): Promise<ClefDatabase['reserve_claims'] | undefined> {
  return db.selectFrom('reserve_claims').selectAll().where('claim_id', '=', claimId).executeTakeFirst();
}

/** Claims in id order, optionally only those with a status. */
export async function listClaimRows(db: Kysely<ClefDatabase>, status?: string): Promise<ClefDatabase['reserve_claims'][]> {
  let query = db.selectFrom('reserve_claims').selectAll();
  if (status !== undefined) query = query.where('status', '=', status);
  return query.orderBy('claim_id').execute();
}

/** Moves a claim on in its workflow (approved, rejected, paid); the money itself moves only on the ledger. */
export async function updateClaim(
  db: Kysely<ClefDatabase>,
  claimId: string,
  change: Partial<Pick<ClefDatabase['reserve_claims'], 'status' | 'decided_at' | 'decided_by' | 'paid_run_id' | 'paid_micros'>>,
): Promise<void> {
  await db.updateTable('reserve_claims').set(change).where('claim_id', '=', claimId).execute();
}
