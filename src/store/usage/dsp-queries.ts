import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** A DSP row by its DDEX party id, or undefined. */
export async function findDsp(db: Kysely<ClefDatabase>, dpid: string): Promise<ClefDatabase['dsps'] | undefined> {
  return db.selectFrom('dsps').selectAll().where('dpid', '=', dpid).executeTakeFirst();
}

/** Every DSP, by party id. */
export async function listDspRows(db: Kysely<ClefDatabase>): Promise<ClefDatabase['dsps'][]> {
  return db.selectFrom('dsps').selectAll().orderBy('dpid').execute();
}

/** Adds a DSP, or renames it and sets its aliases when it exists. */
export async function saveDsp(db: Kysely<ClefDatabase>, row: ClefDatabase['dsps']): Promise<void> {
  const existing = await findDsp(db, row.dpid);
  if (existing) await db.updateTable('dsps').set({ name: row.name, aliases: row.aliases }).where('dpid', '=', row.dpid).execute();
  else await db.insertInto('dsps').values(row).execute();
}
