import { Buffer } from 'node:buffer';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { Engine } from '../../engine.js';
import type { ClefDatabase } from '../../schema.js';
import { copyFrom, copyTextRow } from './postgres-copy.js';

// PostgreSQL takes at most 65535 parameters per statement.
const MAX_PARAMETERS = 60_000;

/**
 * PostgreSQL's side of the engine shim: bulk rows as multi-row INSERTs within the parameter limit; files and scratch
 * rows through `COPY … FROM STDIN` on a client of the store's own pool.
 */
// Autovacuum analyses new rows only after a while: statements reading a scratch table or a report just staged would
// be planned blind.
const analyze = (db: Kysely<ClefDatabase>, table: string) => sql.raw(`ANALYZE ${table}`).execute(db);

export function createPostgresEngine(pool: pg.Pool): Engine {
  const copy = async (text: string, source: AsyncIterable<Uint8Array>): Promise<number> => {
    const client = await pool.connect();
    try {
      return await copyFrom(client, text, source);
    } finally {
      client.release();
    }
  };
  return {
    name: 'postgres',
    indexesStagedLookups: true,
    async tryTransactionLock(db: Kysely<ClefDatabase>, name: string, mode = 'exclusive') {
      const { rows } =
        mode === 'shared'
          ? await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock_shared(hashtext(${name})) AS locked`.execute(db)
          : await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(hashtext(${name})) AS locked`.execute(db);
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
      for (const table of tables) await analyze(db, table);
    },
    async loadLines(db, table, { bytes, firstLine = 1 }) {
      // UNLOGGED: scratch rows need no WAL, and the identity numbers them in the order COPY reads them. The text format
      // with a delimiter no line may hold (the unit separator: a control character, refused in any DSR) reads each line
      // whole; its backslash escapes are why the caller sends only files without a backslash.
      await sql.raw(`CREATE UNLOGGED TABLE ${table} (line BIGINT GENERATED ALWAYS AS IDENTITY (START WITH ${Number(firstLine)}), text TEXT NOT NULL)`).execute(db);
      const lines = await copy(`COPY ${table} (text) FROM STDIN WITH (FORMAT text, DELIMITER E'\\x1f')`, bytes);
      await analyze(db, table);
      return lines;
    },
    async writeScratchTable(db, table, columns, rows) {
      await sql.raw(`CREATE UNLOGGED TABLE ${table} (${columns.map((c) => `${c} TEXT`).join(', ')})`).execute(db);
      if (rows.length === 0) return;
      await copy(`COPY ${table} (${columns.join(', ')}) FROM STDIN`, (async function* () {
        for (let start = 0; start < rows.length; start += 10_000) yield Buffer.from(rows.slice(start, start + 10_000).map(copyTextRow).join(''));
      })());
      await analyze(db, table);
    },
    async createScratchTableAs(db, table, select) {
      await sql.raw(`CREATE UNLOGGED TABLE ${table} AS ${select}`).execute(db);
      await analyze(db, table);
    },
    async dropScratchTables(db, tables) {
      for (const table of tables) await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
    },
    async lastingScratchTables(db, prefix) {
      // `starts_with`, not LIKE: the underscores of a prefix are not wildcards.
      const { rows } = await sql<{ name: string }>`
        SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relpersistence = 'u' AND starts_with(c.relname, ${prefix})
        ORDER BY c.relname`.execute(db);
      return rows.map((row) => row.name);
    },
    spaceFreeList: (values) => sql`(SELECT unnest(string_to_array(${values.join(' ')}, ' ')))`,
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
