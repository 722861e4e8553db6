import type { DuckDBConnection } from '@duckdb/node-api';
import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';
import { fromDuckDbValue, toDuckDbValue } from './duckdb-values.js';

/** One Kysely connection over one `@duckdb/node-api` connection. */
export class DuckDbKyselyConnection implements DatabaseConnection {
  constructor(readonly native: DuckDBConnection) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const reader = await this.native.runAndReadAll(compiledQuery.sql, compiledQuery.parameters.map(toDuckDbValue));
    const names = reader.columnNames();
    const rows = reader.getRows().map((cells) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) row[names[i]] = fromDuckDbValue(cells[i]);
      return row as R;
    });
    const kind = compiledQuery.query.kind;
    const changes = kind === 'InsertQueryNode' || kind === 'UpdateQueryNode' || kind === 'DeleteQueryNode';
    return changes && rows.length === 0
      ? { rows, numAffectedRows: BigInt(reader.rowsChanged) }
      : { rows, ...(changes ? { numAffectedRows: BigInt(reader.rowsChanged) } : {}) };
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery, chunkSize = 1000): AsyncIterableIterator<QueryResult<R>> {
    const result = await this.native.stream(compiledQuery.sql, compiledQuery.parameters.map(toDuckDbValue));
    const names = result.columnNames();
    let batch: R[] = [];
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      for (const cells of chunk.getRows()) {
        const row: Record<string, unknown> = {};
        for (let i = 0; i < names.length; i++) row[names[i]] = fromDuckDbValue(cells[i]);
        batch.push(row as R);
        if (batch.length >= chunkSize) {
          yield { rows: batch };
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield { rows: batch };
  }
}
