import type { Expression, Kysely, RawBuilder } from 'kysely';
import type { ClefDatabase } from './schema.js';

/** The name of a store engine. */
export type EngineName = 'duckdb' | 'postgres';

/**
 * The one place engine differences live (STYLE rule 17): capability flags and the few operations
 * Kysely has no common words for. No other file names an engine.
 */
export interface Engine {
  readonly name: EngineName;
  /**
   * Whether the staged twins' lookup columns carry indexes (migration 0015). PostgreSQL: yes, a lookup joins them
   * through the index instead of scanning all a works import has staged so far. DuckDB: no, its joins scan and hash
   * whatever the indexes, while each ART index costs at every append and stays in memory.
   */
  readonly indexesStagedLookups: boolean;
  /** Writes many rows fast (DuckDB's appender, PostgreSQL's multi-row INSERT); inside the current transaction. */
  bulkInsert<T extends keyof ClefDatabase & string>(
    db: Kysely<ClefDatabase>,
    table: T,
    rows: readonly Partial<ClefDatabase[T]>[],
  ): Promise<void>;
  /**
   * Takes the lock `name` until the current transaction ends, or returns false at once when another session holds it
   * (PostgreSQL advisory lock): `exclusive` (the default) against any holder, `shared` only against an exclusive one,
   * so shared holders do not stand in each other's way. DuckDB has one writer process per file: only this process's
   * own `holdLock` can stand in the way there.
   */
  tryTransactionLock(db: Kysely<ClefDatabase>, name: string, mode?: 'exclusive' | 'shared'): Promise<boolean>;
  /**
   * Holds the lock `name` while `work` runs, across the transactions it commits, and lets it go when `work` ends or
   * the process dies (PostgreSQL: a session advisory lock on a connection of its own; DuckDB: the one owning
   * process remembers it). `tryTransactionLock(name)` fails meanwhile: that is how a survivor tells a live owner
   * from a dead one.
   */
  holdLock<T>(db: Kysely<ClefDatabase>, name: string, work: () => Promise<T>): Promise<T>;

  /**
   * Runs `work`, inside a transaction, with plans that join report-sized sets whole (hash or merge joins), whatever
   * the planner estimates: PostgreSQL `SET LOCAL enable_nestloop = off` until `work` ends. It estimates a fresh
   * report's grouped resources at one row and then joined 30,000 of them to 30,000 ISRCs row by row (minutes instead
   * of a second). DuckDB as it is.
   */
  withWholeSetJoins<T>(db: Kysely<ClefDatabase>, work: () => Promise<T>): Promise<T>;
  /**
   * Refreshes the planner's statistics of tables just loaded in bulk (PostgreSQL `ANALYZE`), outside any
   * transaction, or inside the one that filled them (`ANALYZE` counts the transaction's own rows). A no-op on DuckDB,
   * whose `ANALYZE` scans whole tables and whose plans do not depend on it.
   */
  refreshStatistics(db: Kysely<ClefDatabase>, tables: readonly (keyof ClefDatabase & string)[]): Promise<void>;
  /**
   * Has the database itself read lines of text into the new scratch table `table` (`line` numbered from
   * `source.firstLine`, 1 by default; `text` without its line end, an empty line as ''), outside any transaction, and
   * returns how many lines it holds. `source.bytes` (uncompressed) are consumed exactly once: the engine sends them
   * (PostgreSQL `COPY … FROM STDIN`), or reads the file `source.path` itself when given (DuckDB `read_csv`, `.gz`
   * decompressed) and only drains them, so that the caller can digest and inspect what it reads, or, without a path,
   * writes them to a file of its own and reads that (DuckDB). Rejects when the engine cannot read them as lines of
   * UTF-8 text (invalid bytes, a NUL, mixed line ends, a line over 1 MiB) or when `bytes` throw.
   */
  loadLines(db: Kysely<ClefDatabase>, table: string, source: LineSource): Promise<number>;
  /** Creates the scratch table `table` of text columns and fills it with `rows` (DuckDB's appender, PostgreSQL's `COPY`). */
  writeScratchTable(db: Kysely<ClefDatabase>, table: string, columns: readonly string[], rows: readonly (readonly (string | null)[])[]): Promise<void>;
  /** Creates the scratch table `table` from a SELECT (DuckDB: temporary; PostgreSQL: unlogged), outside any transaction. */
  createScratchTableAs(db: Kysely<ClefDatabase>, table: string, select: string): Promise<void>;
  /** Drops scratch tables made by `loadLines` and `writeScratchTable`, if they exist. */
  dropScratchTables(db: Kysely<ClefDatabase>, tables: readonly string[]): Promise<void>;
  /**
   * The scratch tables whose names start with `prefix` that outlive the process that made them, for a cleanup to
   * weigh: PostgreSQL's are unlogged tables, kept after a crash; DuckDB's are temporary, so there are none.
   */
  lastingScratchTables(db: Kysely<ClefDatabase>, prefix: string): Promise<string[]>;
  /**
   * Exact integers wider than BIGINT, for products such as a pool's rest × a line's weight (up to 2^126): the SQL
   * type (DuckDB HUGEINT, 128 bits; PostgreSQL NUMERIC, unbounded) and its truncating division (DuckDB `//`,
   * PostgreSQL `div`); `%`, `+`, `*`, `sum` and comparisons are the same words on both.
   */
  readonly wideInteger: WideInteger;
  /**
   * Values holding no space (search terms, work ids) bound as one parameter, for `where(column, 'in', …)`: one
   * statement whatever their number (DuckDB `unnest(string_split(…))`, a hash semi-join over one scan instead of a
   * probe per dozen values; PostgreSQL `unnest(string_to_array(…))` through its index).
   */
  spaceFreeList(values: readonly string[]): RawBuilder<unknown>;
}

/** Lines for `Engine.loadLines`: their bytes, the file they are (when the engine may read it itself) and the first one's number. */
export interface LineSource {
  readonly bytes: AsyncIterable<Uint8Array>;
  readonly path?: string;
  readonly firstLine?: number;
}

/** The engine's exact integer type past BIGINT and the division that keeps it an integer. */
export interface WideInteger {
  /** The largest magnitude the type holds exactly (2^127 - 1 on DuckDB; no limit, null, on PostgreSQL). */
  readonly max: bigint | null;
  /** `CAST(value AS type)`. */
  cast(value: Expression<unknown> | RawBuilder<unknown>): RawBuilder<bigint>;
  /** The quotient of two non-negative wide integers, truncated. */
  quotient(dividend: Expression<unknown> | RawBuilder<unknown>, divisor: Expression<unknown> | RawBuilder<unknown>): RawBuilder<bigint>;
}
