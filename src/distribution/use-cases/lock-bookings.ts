import type { Kysely } from 'kysely';
import { ClefError } from '../../errors/index.js';
import type { ClefDatabase, Engine } from '../../store/index.js';

/**
 * Takes the store's one booking lock for the rest of the transaction: distributions, adjustments, claims and
 * releases all read what is booked (undistributed reports, ledger, reserve slots) and book on it, so only one of
 * them may do so at a time. A second session is refused at once rather than queued behind a long run, so the
 * operator sees why; on DuckDB a second process cannot even open the file (`CLEF_STORE_LOCKED`).
 */
export async function lockBookings(tx: Kysely<ClefDatabase>, engine: Engine): Promise<void> {
  if (!(await engine.tryTransactionLock(tx, 'clef.distribution.bookings'))) {
    throw new ClefError('CLEF_DISTRIBUTION_BUSY', 'another distribution, adjustment, claim or release is booking on this store right now: nothing was booked; run the command again once it has finished');
  }
}
