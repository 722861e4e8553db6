import { DuckDBTypeId, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../../engine.js';
import type { ClefDatabase } from '../../schema.js';

/** DuckDB's side of the engine shim: bulk rows go through the appender, in the connection's transaction. */
export function createDuckDbEngine(native: () => DuckDBConnection): Engine {
  const columnsOf = new Map<string, string[]>();
  const held = new Set<string>();
  const scratch = new Map<string, 'lines' | 'rows'>();

  async function columns(table: string): Promise<string[]> {
    let names = columnsOf.get(table);
    if (!names) {
      const reader = await native().runAndReadAll(
        'SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position',
        [table],
      );
      names = reader.getRows().map((row) => String(row[0]));
      columnsOf.set(table, names);
    }
    return names;
  }

  return {
    name: 'duckdb',
    indexesStagedLookups: false,
    async tryTransactionLock(_db: Kysely<ClefDatabase>, name: string) {
      // One process owns the file (a second cannot open it) and its driver hands its one connection to one user at a
      // time, so only this process's own long holds can stand in the way.
      return !held.has(name);
    },
    async holdLock(_db, name, work) {
      held.add(name);
      try {
        return await work();
      } finally {
        held.delete(name);
      }
    },
    withWholeSetJoins(_db, work) {
      return work();
    },
    async refreshStatistics() {},
    async loadLines(db, table, { bytes, path, firstLine = 1 }) {
      // Without a file to read, the bytes become one (read_csv reads files, not a stream from Node).
      const written = path === undefined ? await mkdtemp(join(tmpdir(), 'clef-lines-')) : undefined;
      const file = written ? join(written, 'lines.txt') : path!;
      try {
        const drained = written ? pipeline(Readable.from(bytes), createWriteStream(file)) : drain(bytes);
        // A file of its own is read once written; a file on disk is read while the caller drains its bytes.
        if (written) await drained;
        // One column cut at a byte no line may hold (the unit separator is a control character a DSR cell never has: a
        // file holding one is refused either way) keeps every line, empty ones included, as one row in file order.
        // The rows' order is the file's only while insertion order is preserved, which the store turns off (duckdb-driver.ts)
        // and this statement turns on for itself: it reads the file alone, so the fault that setting avoids cannot occur.
        const source = `read_csv(${quoted(file)}, delim = '\x1f', quote = '', escape = '', header = false, auto_detect = false,
          columns = {'text': 'VARCHAR'}, new_line = '\\n', max_line_size = ${maxLineBytes}, compression = 'auto')`;
        scratch.set(table, 'lines');
        const loaded = db.connection().execute(async (connection) => {
          await sql`SET preserve_insertion_order = true`.execute(connection);
          try {
            await sql.raw(`CREATE TEMP TABLE ${table}_text AS SELECT coalesce(text, '') AS text FROM ${source}`).execute(connection);
          } finally {
            await sql`SET preserve_insertion_order = false`.execute(connection);
          }
          await sql.raw(`CREATE TEMP VIEW ${table} AS SELECT rowid + ${Number(firstLine)} AS line, text FROM ${table}_text`).execute(connection);
        });
        const [load, drain_] = await Promise.allSettled([loaded, drained]);
        if (load.status === 'rejected') throw load.reason;
        if (drain_.status === 'rejected') throw drain_.reason;
      } finally {
        if (written) await rm(written, { recursive: true, force: true });
      }
      const { rows } = await sql<{ lines: bigint }>`SELECT count(*) AS lines FROM ${sql.table(table)}`.execute(db);
      return Number(rows[0].lines);
    },
    async writeScratchTable(db, table, columns, rows) {
      scratch.set(table, 'rows');
      await sql.raw(`CREATE TEMP TABLE ${table} (${columns.map((c) => `${c} VARCHAR`).join(', ')})`).execute(db);
      if (rows.length === 0) return;
      await db.connection().execute(async () => {
        const appender = await native().createAppender(table, 'main', 'temp');
        try {
          for (const row of rows) {
            for (const value of row) {
              if (value === null) appender.appendNull();
              else appender.appendVarchar(value);
            }
            appender.endRow();
          }
          appender.flushSync();
        } finally {
          appender.closeSync();
        }
      });
    },
    async createScratchTableAs(db, table, select) {
      scratch.set(table, 'rows');
      await sql.raw(`CREATE TEMP TABLE ${table} AS ${select}`).execute(db);
    },
    async lastingScratchTables() {
      return [];
    },
    async dropScratchTables(db, tables) {
      // Temporary: a process that dies takes its scratch tables with it, so only this process's own are dropped.
      for (const table of tables) {
        const made = scratch.get(table);
        scratch.delete(table);
        if (made === 'lines') {
          await sql.raw(`DROP VIEW IF EXISTS ${table}`).execute(db);
          await sql.raw(`DROP TABLE IF EXISTS ${table}_text`).execute(db);
        } else if (made === 'rows') await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
      }
    },
    spaceFreeList: (values) => sql`(SELECT unnest(string_split(${values.join(' ')}, ' ')))`,
    wideInteger: {
      max: 2n ** 127n - 1n,
      cast: (value) => sql<bigint>`CAST(${value} AS HUGEINT)`,
      quotient: (dividend, divisor) => sql<bigint>`(${dividend} // ${divisor})`,
    },
    async bulkInsert(_db: Kysely<ClefDatabase>, table, rows) {
      if (rows.length === 0) return;
      const names = await columns(table);
      const appender = await native().createAppender(table);
      try {
        // One appending function per column, chosen once per call rather than per cell.
        const puts = names.map((_, i) => putterOf(appender.columnType(i).typeId));
        const width = names.length;
        for (const row of rows as readonly Record<string, unknown>[]) {
          for (let i = 0; i < width; i++) {
            const value = row[names[i]];
            if (value === null || value === undefined) appender.appendNull();
            else puts[i](appender, value);
          }
          appender.endRow();
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    },
  };
}

/** The longest line the loader reads, as the TypeScript reader (`maxDsrLineBytes`): a longer one is not a DSR line. */
const maxLineBytes = 1 << 20;

function quoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

async function drain(bytes: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const _ of bytes);
}

type Put = (appender: DuckDBAppender, value: unknown) => void;

const putBoolean: Put = (appender, value) => appender.appendBoolean(Boolean(value));
const putInteger: Put = (appender, value) => appender.appendInteger(Number(value));
const putBigInt: Put = (appender, value) => appender.appendBigInt(typeof value === 'bigint' ? value : BigInt(value as number | string));
const putDouble: Put = (appender, value) => appender.appendDouble(Number(value));
const putVarchar: Put = (appender, value) => appender.appendVarchar(typeof value === 'string' ? value : String(value));

function putterOf(type: DuckDBTypeId): Put {
  switch (type) {
    case DuckDBTypeId.BOOLEAN:
      return putBoolean;
    case DuckDBTypeId.INTEGER:
      return putInteger;
    case DuckDBTypeId.BIGINT:
      return putBigInt;
    case DuckDBTypeId.DOUBLE:
      return putDouble;
    default:
      return putVarchar;
  }
}
