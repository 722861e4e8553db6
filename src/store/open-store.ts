import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import { ClefError } from '../errors/index.js';
import type { Engine } from './engine.js';
import { DuckDbDialect } from './engines/duckdb/duckdb-dialect.js';
import { createDuckDbEngine } from './engines/duckdb/duckdb-engine.js';
import { createPostgresEngine } from './engines/postgres/postgres-engine.js';
import { createPostgresPool } from './engines/postgres/postgres-pool.js';
import { migrationsFor } from './migrations/migration-list.js';
import type { ClefDatabase } from './schema.js';
import { isPostgresLocation } from './store-location.js';
import { printableStoreLocation, storeOpenError } from './store-open-errors.js';

/** An open store: the typed query builder, the engine shim, and where it lives. */
export interface Store {
  readonly db: Kysely<ClefDatabase>;
  readonly engine: Engine;
  readonly location: string;
  close(): Promise<void>;
}

/** How to open a store. */
export interface OpenStoreOptions {
  /**
   * Refuse with CLEF_STORE_MISSING instead of creating an empty store (and its folders) when none exists there:
   * for commands that only read.
   */
  readonly mustExist?: boolean;
  /** DuckDB's memory limit (`1GB`, `1500MB`; `CLEF_DUCKDB_MEMORY_LIMIT`); ignored for PostgreSQL. */
  readonly memoryLimit?: string;
}

/** The store options the environment sets: `CLEF_DUCKDB_MEMORY_LIMIT`. */
export function storeOptionsFrom(env: Readonly<Record<string, string | undefined>>): OpenStoreOptions {
  const memoryLimit = env.CLEF_DUCKDB_MEMORY_LIMIT?.trim();
  return memoryLimit ? { memoryLimit } : {};
}

/** Opens (and migrates to the latest version) the store at a file path or `postgres://` URL. */
export async function openStore(location: string, options: OpenStoreOptions = {}): Promise<Store> {
  let db: Kysely<ClefDatabase>;
  let engine: Engine;
  if (isPostgresLocation(location)) {
    const pool = createPostgresPool(location);
    db = new Kysely<ClefDatabase>({ dialect: new PostgresDialect({ pool }) });
    engine = createPostgresEngine(pool);
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    throw new ClefError('CLEF_STORE_UNSUPPORTED_URL', `unsupported database location ${location}: give a file path or a postgres:// URL`);
  } else {
    if (options.mustExist && !existsSync(location)) throw storeMissing(location);
    // A new embedded store may be named in a folder that does not exist yet (`--db ./stores/clef.duckdb`).
    try {
      mkdirSync(dirname(location), { recursive: true });
    } catch (error) {
      throw new ClefError('CLEF_OUTPUT_UNWRITABLE', `cannot create the folder of the store ${location}: ${(error as Error).message}`);
    }
    if (options.memoryLimit !== undefined && !/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(options.memoryLimit)) {
      throw new ClefError('CLEF_STORE_INVALID_MEMORY_LIMIT', `${JSON.stringify(options.memoryLimit)} is not an amount with its unit: give one such as 1GB or 1500MB`, { field: 'CLEF_DUCKDB_MEMORY_LIMIT' });
    }
    const dialect = new DuckDbDialect(location, options.memoryLimit);
    db = new Kysely<ClefDatabase>({ dialect });
    engine = createDuckDbEngine(() => dialect.driver.native);
  }
  try {
    if (options.mustExist && isPostgresLocation(location) && !(await holdsStore(db))) throw storeMissing(location);
    await migrateToLatest(db, engine);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw storeOpenError(error, location) ?? error;
  }
  return { db, engine, location, close: () => db.destroy() };
}

function storeMissing(location: string): ClefError {
  return new ClefError('CLEF_STORE_MISSING', `no Clef store at ${printableStoreLocation(location)}: name one with --db (or CLEF_DB), or create one with a command that writes, such as \`clef settings set\``);
}

// A PostgreSQL database holds a store once Clef has migrated it; an empty database is not a store yet.
async function holdsStore(db: Kysely<ClefDatabase>): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`select to_regclass('kysely_migration') is not null as found`.execute(db);
  return rows[0]?.found === true;
}

async function migrateToLatest(db: Kysely<ClefDatabase>, engine: Engine): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationsFor(engine), allowUnorderedMigrations: true });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
