import { chmodSync, existsSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
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

  constructor(readonly path: string) {}

  async init(): Promise<void> {
    const created = !existsSync(this.path);
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
