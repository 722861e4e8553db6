import { DuckDBTypeId, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../../engine.js';
import type { ClefDatabase } from '../../schema.js';

/** DuckDB's side of the engine shim: bulk rows go through the appender, in the connection's transaction. */
export function createDuckDbEngine(native: () => DuckDBConnection): Engine {
  const columnsOf = new Map<string, string[]>();
  const held = new Set<string>();

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
