import {
  PostgresAdapter,
  PostgresQueryCompiler,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
} from 'kysely';
import { DuckDbDriver } from './duckdb-driver.js';
import { DuckDbIntrospector } from './duckdb-introspector.js';

/** DuckDB speaks PostgreSQL's SQL closely enough for Kysely's compiler; it has no advisory locks. */
class DuckDbAdapter extends PostgresAdapter {
  override async acquireMigrationLock(): Promise<void> {
    // One process owns a DuckDB file, so there is nobody to lock out.
  }
  override async releaseMigrationLock(): Promise<void> {}
}

/** A small Kysely dialect over `@duckdb/node-api` (the published one fights ESM typings; DESIGN.md). */
export class DuckDbDialect implements Dialect {
  readonly driver: DuckDbDriver;

  constructor(path: string, memoryLimit?: string) {
    this.driver = new DuckDbDriver(path, memoryLimit);
  }

  createDriver(): Driver {
    return this.driver;
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new DuckDbAdapter();
  }

  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new DuckDbIntrospector(db);
  }
}
