import { chmodSync, existsSync, statSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { CompiledQuery, type DatabaseConnection, type Driver, type TransactionSettings } from 'kysely';
import { DuckDbKyselyConnection } from './duckdb-connection.js';

/**
 * Kysely driver for an embedded DuckDB file. One process owns the file, and DuckDB transactions belong
 * to a connection, so the driver hands out its single connection to one user at a time.
 */
export class DuckDbDriver implements Driver {
  #instance?: DuckDBInstance;
  #connection?: DuckDbKyselyConnection;
  #queue: Promise<void> = Promise.resolve();
  #release?: () => void;

  /** `memoryLimit`: DuckDB's `memory_limit` (`1GB`), checked by the caller; its own default (80 % of RAM) when absent. */
  constructor(
    readonly path: string,
    readonly memoryLimit?: string,
  ) {}

  async init(): Promise<void> {
    const created = !existsSync(this.path);
    const recovering = existsSync(`${this.path}.wal`) && statSync(`${this.path}.wal`).size > 0;
    this.#instance = await DuckDBInstance.create(this.path);
    // A store holds members' money and identities: readable by its owner only, whatever the umask.
    if (created && existsSync(this.path)) chmodSync(this.path, 0o600);
    const native = await this.#instance.connect();
    // DuckDB's `/` is float division; money and shares need integer division (DESIGN.md).
    await native.run('SET integer_division = true');
    // @duckdb/node-api 1.5.6 (the newest) invalidates the database with `BatchedDataCollection::Merge … batch index
    // present in both collections` when a parallel scan reads a table of more than one committed row group together
    // with rows appended in the open transaction (a second 100 k-work import). Order-preserving result collection is
    // what assigns those batch indexes; no query may rely on an order it did not ask for (PostgreSQL gives none), so
    // collecting unordered costs nothing and avoids the fault. docs/store.md, test/store/uncommitted-rows.test.ts.
    await native.run('SET preserve_insertion_order = false');
    // Usage reports are staged in committed chunks of ~50,000 rows; at the default 16 MB threshold nearly every chunk's
    // commit also checkpointed (a 300,000-line report: 9.4 s of CPU against 5.9 s at 256 MB). 256 MB of WAL still
    // bounds what a checkpoint leaves to replay after a crash.
    await native.run("SET checkpoint_threshold = '256MB'");
    // Under a limit the buffer manager spills a loaded report's scratch tables to the store's `.tmp` folder instead
    // of caching them in memory (3 M lines: peak 3.4 GB → 1.7 GB, docs/store.md).
    if (this.memoryLimit) await native.run(`SET memory_limit = '${this.memoryLimit}'`);
    if (recovering) await rebuildSecondaryIndexes(native);
    this.#connection = new DuckDbKyselyConnection(native);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue;
    let release!: () => void;
    this.#queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.#release = release;
    return this.#connection!;
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN TRANSACTION'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async releaseConnection(_connection: DatabaseConnection): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    this.#connection?.native.closeSync();
    this.#instance?.closeSync();
    this.#connection = undefined;
    this.#instance = undefined;
  }

  /** The native connection, for the bulk paths (appender) that Kysely has no words for. */
  get native() {
    if (!this.#connection) throw new Error('DuckDB driver used before init');
    return this.#connection.native;
  }
}

/**
 * @duckdb/node-api 1.5.6: after a process dies with committed rows only in the WAL, the next open replays them, but
 * the checkpoint that follows writes secondary (non-key) indexes without those rows: a lookup through the index
 * misses them (`usage_reports` by MessageId: a duplicate let through) and deleting one invalidates the database
 * (`Failed to delete all rows from index`). Rebuilding those indexes from their own DDL right after the replay,
 * before any checkpoint, writes them whole; it costs one index build per crash. test/usage/staging.test.ts.
 */
async function rebuildSecondaryIndexes(native: DuckDBConnection): Promise<void> {
  const reader = await native.runAndReadAll('SELECT schema_name, index_name, sql FROM duckdb_indexes() WHERE sql IS NOT NULL');
  for (const [schema, name, ddl] of reader.getRows()) {
    await native.run(`DROP INDEX "${String(schema)}"."${String(name)}"`);
    await native.run(String(ddl));
  }
}

