import type { Kysely } from 'kysely';
import type { ClefDatabase } from './schema.js';

/** Reserves `count` consecutive numbers of a kind and returns the first. Run inside the writing transaction. */
export async function nextSequence(db: Kysely<ClefDatabase>, kind: string, count: number): Promise<bigint> {
  const current = await db.selectFrom('id_counters').select('next_value').where('kind', '=', kind).executeTakeFirst();
  const first = current ? BigInt(current.next_value) : 1n;
  if (current) {
    await db.updateTable('id_counters').set({ next_value: first + BigInt(count) }).where('kind', '=', kind).execute();
  } else {
    await db.insertInto('id_counters').values({ kind, next_value: first + BigInt(count) }).execute();
  }
  return first;
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
