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
    async holdLock(db, name, work) {
      // A session lock lives as long as its connection: reserved here for the whole of `work`, it is released by
      // the server itself when the process dies, while `work` commits its transactions on the pool's other connections.
      return db.connection().execute(async (connection) => {
        await sql`SELECT pg_advisory_lock(hashtext(${name}))`.execute(connection);
        try {
          return await work();
        } finally {
          await sql`SELECT pg_advisory_unlock(hashtext(${name}))`.execute(connection);
        }
      });
    },
    async withWholeSetJoins(db, work) {
      await sql`SET LOCAL enable_nestloop = off`.execute(db);
      try {
        return await work();
      } finally {
        await sql`RESET enable_nestloop`.execute(db);
      }
    },
    async refreshStatistics(db, tables) {
      for (const table of tables) await sql`ANALYZE ${sql.table(table)}`.execute(db);
    },
    wideInteger: {
      max: null,
      cast: (value) => sql<bigint>`CAST(${value} AS NUMERIC)`,
      quotient: (dividend, divisor) => sql<bigint>`div(${dividend}, ${divisor})`,
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
