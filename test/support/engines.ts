import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/index.js';

/** The engines every store test runs on. */
export const engineNames = ['duckdb', 'postgres'] as const;
export type TestEngine = (typeof engineNames)[number];

const postgresAdminUrl = process.env.CLEF_TEST_POSTGRES_URL;

/** A fresh, empty database location on an engine, and how to remove it once its stores are closed. */
export async function freshLocation(engine: TestEngine): Promise<{ location: string; remove: () => Promise<void> }> {
  if (engine === 'duckdb') {
    const dir = mkdtempSync(join(tmpdir(), 'clef-store-'));
    return { location: join(dir, 'clef.duckdb'), remove: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (!postgresAdminUrl) throw new Error('CLEF_TEST_POSTGRES_URL is not set: start a server with scripts/start-test-postgres.sh');
  const name = `clef_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return { location: url.toString(), remove: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/** Opens the store at `location` for `work` alone and closes it, so that another process (a real `clef`) may open it next. */
export async function withStore<T>(location: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(location);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * Runs a suite once per engine; `open()` gives a fresh store each call, closed and removed when the suite ends.
 * PostgreSQL is skipped only outside CI when no server is configured; in CI (CI=true) a missing server fails.
 */
export function describeEachEngine(
  name: string,
  body: (open: () => Promise<Store>, engine: TestEngine, location: () => Promise<string>) => void,
): void {
  for (const engine of engineNames) {
    const unavailable = engine === 'postgres' && !postgresAdminUrl && process.env.CI !== 'true';
    describe(`${name} [${engine}]`, { skip: unavailable ? 'CLEF_TEST_POSTGRES_URL not set' : false }, () => {
      const stores: Store[] = [];
      const removals: Array<() => Promise<void>> = [];
      after(async () => {
        for (const store of stores) await store.close();
        for (const remove of removals) await remove();
      });
      const location = async () => {
        const fresh = await freshLocation(engine);
        removals.push(fresh.remove);
        return fresh.location;
      };
      body(async () => {
        const store = await openStore(await location());
        stores.push(store);
        return store;
      }, engine, location);
    });
  }
}

export { test };
