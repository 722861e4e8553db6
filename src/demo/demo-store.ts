import { existsSync, rmSync } from 'node:fs';
import { defaultIndexDir } from '../audio/index.js';
import { ClefError } from '../errors/index.js';
import { isPostgresLocation, openStore, type Store } from '../store/index.js';

const marker = { key: 'created_by', value: 'clef demo' };

/**
 * Opens a fresh store for the demo: a new DuckDB file (replacing one only when the demo made it), or an empty
 * PostgreSQL database. It refuses to touch a database it did not create.
 */
export async function openDemoStore(location: string): Promise<Store> {
  if (!isPostgresLocation(location) && existsSync(location)) {
    const existing = await openStore(location);
    const mine = await isDemoStore(existing);
    await existing.close();
    if (!mine) throw refusal(location);
    rmSync(location, { force: true });
    rmSync(`${location}.wal`, { force: true });
    // The audio index beside the store belongs to it (`clef audio identify --db` finds it there).
    rmSync(defaultIndexDir(location), { recursive: true, force: true });
  }
  const store = await openStore(location);
  if (isPostgresLocation(location)) {
    const used = await store.db.selectFrom('clef_meta').selectAll().execute();
    const works = await store.db.selectFrom('works').select('work_id').limit(1).execute();
    if (used.length > 0 || works.length > 0) {
      const mine = await isDemoStore(store);
      await store.close();
      throw mine
        ? new ClefError('CLEF_STORE_NOT_CREATED_BY_DEMO', `${location} already holds a demo: give the demo a fresh, empty database`)
        : refusal(location);
    }
  }
  await store.db.insertInto('clef_meta').values(marker).execute();
  return store;
}

async function isDemoStore(store: Store): Promise<boolean> {
  const row = await store.db.selectFrom('clef_meta').select('value').where('key', '=', marker.key).executeTakeFirst();
  return row?.value === marker.value;
}

function refusal(location: string): ClefError {
  return new ClefError('CLEF_STORE_NOT_CREATED_BY_DEMO', `${location} is an existing database the demo did not create: the demo will not touch it (give --db a new path)`);
}
