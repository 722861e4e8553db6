import { sql, type Kysely } from 'kysely';
import type { Engine } from '../../engine.js';
import type { ClefDatabase } from '../../schema.js';

// PostgreSQL takes at most 65535 parameters per statement.
const MAX_PARAMETERS = 60_000;

/** PostgreSQL's side of the engine shim: bulk rows as multi-row INSERTs within the parameter limit. */
export function createPostgresEngine(): Engine {
  return {
    name: 'postgres',
    async tryTransactionLock(db: Kysely<ClefDatabase>, name: string) {
      const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(hashtext(${name})) AS locked`.execute(db);
      return rows[0].locked;
    },
    async bulkInsert(db: Kysely<ClefDatabase>, table, rows) {
      if (rows.length === 0) return;
      const width = Object.keys(rows[0]).length || 1;
      const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / width));
      for (let start = 0; start < rows.length; start += perStatement) {
        await db
          .insertInto(table)
          .values(rows.slice(start, start + perStatement) as never)
          .execute();
      }
    },
  };
}
