import type { Kysely, Transaction } from 'kysely';
import type { ClefDatabase } from './schema.js';

/** Runs `work` in one transaction: an ingestion commits whole or not at all. */
export function inTransaction<T>(db: Kysely<ClefDatabase>, work: (tx: Transaction<ClefDatabase>) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
