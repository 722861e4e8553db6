import { sql, type Kysely } from 'kysely';
import { nextSequence } from '../next-ids.js';
import type { ClefDatabase, RegistryImportTable } from '../schema.js';
import { stagedTables } from './staged-import.js';

/** Id counters (kind → next value, as text) as JSON; the history's is left out: a reader follows it, so it only moves on. */
export async function readIdCounters(db: Kysely<ClefDatabase>): Promise<string> {
  const rows = await db.selectFrom('id_counters').select(['kind', 'next_value']).where('kind', '!=', 'history').orderBy('kind').execute();
  return JSON.stringify(Object.fromEntries(rows.map((row) => [row.kind, String(row.next_value)])));
}

/** The works imports being staged, or left staged by a process that died. */
export async function findRegistryImports(db: Kysely<ClefDatabase>): Promise<RegistryImportTable[]> {
  return db.selectFrom('registry_imports').selectAll().orderBy('started_at').execute();
}

/** Records an import about to stage its first chunk. */
export async function insertRegistryImport(db: Kysely<ClefDatabase>, row: RegistryImportTable): Promise<void> {
  await db.insertInto('registry_imports').values(row).execute();
}

/** Records, in a chunk's transaction, what the import has committed once that chunk commits. */
export async function recordStagedChunk(db: Kysely<ClefDatabase>, importId: string, stagedRegistrations: number): Promise<void> {
  await db
    .updateTable('registry_imports')
    .set({ counters_committed: await readIdCounters(db), chunks: sql<number>`chunks + 1`, registrations: BigInt(stagedRegistrations) })
    .where('import_id', '=', importId)
    .execute();
}

async function emptyStaging(db: Kysely<ClefDatabase>): Promise<void> {
  for (const table of stagedTables) await db.deleteFrom(`staged_${table}` as 'staged_works').execute();
  for (const table of ['staged_revisions', 'staged_closures', 'staged_pictures'] as const) await db.deleteFrom(table).execute();
}

/**
 * Removes what an import staged and its record, and turns each id counter it moved back to where the import found it
 * when no one has taken ids since its last commit, so the same file imported again numbers its rows the same.
 */
export async function removeStagedImport(db: Kysely<ClefDatabase>, row: RegistryImportTable): Promise<void> {
  await emptyStaging(db);
  const start = JSON.parse(row.counters_at_start) as Record<string, string>;
  const committed = JSON.parse(row.counters_committed) as Record<string, string>;
  const now = JSON.parse(await readIdCounters(db)) as Record<string, string>;
  for (const [kind, value] of Object.entries(committed)) {
    if (now[kind] !== value || start[kind] === value) continue;
    if (start[kind] === undefined) await db.deleteFrom('id_counters').where('kind', '=', kind).execute();
    else await db.updateTable('id_counters').set({ next_value: BigInt(start[kind]) }).where('kind', '=', kind).execute();
  }
  await db.deleteFrom('registry_imports').where('import_id', '=', row.import_id).execute();
}

const historyColumns = sql.join(['at', 'actor', 'entity_kind', 'entity_id', 'action', 'detail'].map((column) => sql.ref(column)));

/**
 * Makes a staged import part of the registry, in the caller's transaction: the registry rows it revised, closed or
 * derived anew first, then every twin moved into its table (history numbered from the history counter now, so a
 * reader following the history sees the import), then the twins emptied.
 */
export async function acceptStagedImport(db: Kysely<ClefDatabase>, importId: string): Promise<void> {
  await sql`UPDATE registrations SET status = 'revised', revised_by = (SELECT v.revised_by FROM staged_revisions v WHERE v.registration_id = registrations.registration_id)
    WHERE registration_id IN (SELECT registration_id FROM staged_revisions)`.execute(db);
  await sql`UPDATE counterclaims SET status = 'resolved',
      resolved_at = (SELECT s.resolved_at FROM staged_closures s WHERE s.counterclaim_id = counterclaims.counterclaim_id),
      resolution = (SELECT s.resolution FROM staged_closures s WHERE s.counterclaim_id = counterclaims.counterclaim_id)
    WHERE counterclaim_id IN (SELECT counterclaim_id FROM staged_closures)`.execute(db);
  await sql`DELETE FROM work_collection_shares WHERE work_id IN (SELECT work_id FROM staged_pictures)`.execute(db);
  await sql`DELETE FROM work_disputes WHERE work_id IN (SELECT work_id FROM staged_pictures)`.execute(db);
  await sql`UPDATE works SET in_dispute = (SELECT p.in_dispute FROM staged_pictures p WHERE p.work_id = works.work_id)
    WHERE work_id IN (SELECT work_id FROM staged_pictures)`.execute(db);
  for (const table of stagedTables) {
    if (table === 'history') continue;
    await sql`INSERT INTO ${sql.table(table)} SELECT * FROM ${sql.table(`staged_${table}`)}`.execute(db);
  }
  const { count } = await db.selectFrom('staged_history').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
  if (Number(count) > 0) {
    const first = await nextSequence(db, 'history', Number(count));
    await sql`INSERT INTO history (history_id, ${historyColumns})
      SELECT CAST(${String(first - 1n)} AS BIGINT) + row_number() OVER (ORDER BY history_id), ${historyColumns} FROM staged_history`.execute(db);
  }
  await emptyStaging(db);
  await db.deleteFrom('registry_imports').where('import_id', '=', importId).execute();
}
