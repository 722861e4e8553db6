import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** Records a reservation (rows are never changed: a later one supersedes). */
export async function insertReservation(db: Kysely<ClefDatabase>, row: ClefDatabase['ai_reservations']): Promise<void> {
  await db.insertInto('ai_reservations').values(row).execute();
}

/** Every reservation, in the order they were recorded. */
export async function listReservationRows(db: Kysely<ClefDatabase>): Promise<ClefDatabase['ai_reservations'][]> {
  return db.selectFrom('ai_reservations').selectAll().orderBy('recorded_at').orderBy('reservation_id').execute();
}
