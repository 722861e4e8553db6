import type { Kysely } from 'kysely';
import type { ClefDatabase } from './schema.js';

/** The name of a store engine. */
export type EngineName = 'duckdb' | 'postgres';

/**
 * The one place engine differences live (STYLE rule 17): capability flags and the few operations
 * Kysely has no common words for. No other file names an engine.
 */
export interface Engine {
  readonly name: EngineName;
  /** Writes many rows fast (DuckDB's appender, PostgreSQL's multi-row INSERT); inside the current transaction. */
  bulkInsert<T extends keyof ClefDatabase & string>(
    db: Kysely<ClefDatabase>,
    table: T,
    rows: readonly Partial<ClefDatabase[T]>[],
  ): Promise<void>;
  /**
   * Takes the exclusive lock `name` until the current transaction ends, or returns false at once when another
   * session holds it (PostgreSQL advisory lock). DuckDB has one writer process per file, so it always succeeds there.
   */
  tryTransactionLock(db: Kysely<ClefDatabase>, name: string): Promise<boolean>;
}
