import { DuckDBTypeId, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import type { Kysely } from 'kysely';
import type { Engine } from '../../engine.js';
import type { ClefDatabase } from '../../schema.js';

/** DuckDB's side of the engine shim: bulk rows go through the appender, in the connection's transaction. */
export function createDuckDbEngine(native: () => DuckDBConnection): Engine {
  const columnsOf = new Map<string, string[]>();

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
    async bulkInsert(_db: Kysely<ClefDatabase>, table, rows) {
      if (rows.length === 0) return;
      const names = await columns(table);
      const appender = await native().createAppender(table);
      try {
        const types = names.map((_, i) => appender.columnType(i).typeId);
        for (const row of rows as readonly Record<string, unknown>[]) {
          for (let i = 0; i < names.length; i++) appendCell(appender, types[i], row[names[i]]);
          appender.endRow();
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    },
  };
}

function appendCell(appender: DuckDBAppender, type: DuckDBTypeId, value: unknown): void {
  if (value === null || value === undefined) return appender.appendNull();
  switch (type) {
    case DuckDBTypeId.BOOLEAN:
      return appender.appendBoolean(Boolean(value));
    case DuckDBTypeId.INTEGER:
      return appender.appendInteger(Number(value));
    case DuckDBTypeId.BIGINT:
      return appender.appendBigInt(BigInt(value as bigint | number | string));
    case DuckDBTypeId.DOUBLE:
      return appender.appendDouble(Number(value));
    default:
      return appender.appendVarchar(String(value));
  }
}
