import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import { ClefError } from '../errors/index.js';
import type { Engine } from './engine.js';
import { DuckDbDialect } from './engines/duckdb/duckdb-dialect.js';
import { createDuckDbEngine } from './engines/duckdb/duckdb-engine.js';
import { createPostgresEngine } from './engines/postgres/postgres-engine.js';
import { createPostgresPool } from './engines/postgres/postgres-pool.js';
import { migrationProvider } from './migrations/migration-list.js';
import type { ClefDatabase } from './schema.js';
import { isPostgresLocation } from './store-location.js';

/** An open store: the typed query builder, the engine shim, and where it lives. */
export interface Store {
  readonly db: Kysely<ClefDatabase>;
  readonly engine: Engine;
  readonly location: string;
  close(): Promise<void>;
}

/** Opens (and migrates to the latest version) the store at a file path or `postgres://` URL. */
export async function openStore(location: string): Promise<Store> {
  let db: Kysely<ClefDatabase>;
  let engine: Engine;
  if (isPostgresLocation(location)) {
    db = new Kysely<ClefDatabase>({ dialect: new PostgresDialect({ pool: createPostgresPool(location) }) });
    engine = createPostgresEngine();
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) {
    throw new ClefError('CLEF_STORE_UNSUPPORTED_URL', `unsupported database location ${location}: give a file path or a postgres:// URL`);
  } else {
    // A new embedded store may be named in a folder that does not exist yet (`--db ./stores/clef.duckdb`).
    mkdirSync(dirname(location), { recursive: true });
    const dialect = new DuckDbDialect(location);
    db = new Kysely<ClefDatabase>({ dialect });
    engine = createDuckDbEngine(() => dialect.driver.native);
  }
  await migrateToLatest(db);
  return { db, engine, location, close: () => db.destroy() };
}

async function migrateToLatest(db: Kysely<ClefDatabase>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
