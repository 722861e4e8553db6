import { sql, type Kysely } from 'kysely';
import type { ClefDatabase } from './schema.js';

/**
 * Reserves `count` consecutive numbers of a kind and returns the first. One statement both reads and moves the
 * counter, so two sessions never get the same numbers: on PostgreSQL the second waits on the first's row lock (and
 * on its insert of a new kind) until the first transaction ends. Run inside the writing transaction.
 */
export async function nextSequence(db: Kysely<ClefDatabase>, kind: string, count: number): Promise<bigint> {
  const step = BigInt(count);
  const row = await db
    .insertInto('id_counters')
    .values({ kind, next_value: 1n + step })
    .onConflict((conflict) => conflict.column('kind').doUpdateSet({ next_value: sql<bigint>`id_counters.next_value + ${step}` }))
    .returning('next_value')
    .executeTakeFirstOrThrow();
  return BigInt(row.next_value) - step;
}

/**
 * Reserves `count` consecutive ids of a kind formatted as prefix + 8 digits (`W00000042`): short, stable,
 * readable numbers that double as the CMO's own work numbers. Run inside the writing transaction.
 */
export async function nextIds(db: Kysely<ClefDatabase>, kind: string, prefix: string, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const first = await nextSequence(db, kind, count);
  return Array.from({ length: count }, (_, i) => `${prefix}${String(first + BigInt(i)).padStart(8, '0')}`);
}
