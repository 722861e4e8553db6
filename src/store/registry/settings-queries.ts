import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** The stored CMO settings row and sister societies, or empty values when none were made. */
export async function readSettingsRows(db: Kysely<ClefDatabase>) {
  const settings = await db.selectFrom('cmo_settings').selectAll().where('settings_id', '=', 1).executeTakeFirst();
  const sisters = await db.selectFrom('sister_societies').selectAll().orderBy('society_code').execute();
  return { settings, sisters };
}

/** Replaces the CMO settings row and, when given, the sister societies. */
export async function writeSettingsRows(
  db: Kysely<ClefDatabase>,
  settings: { name: string | null; society_code: string | null; currency: string | null },
  sisters?: readonly { society_code: string; rights: string; territories: string }[],
): Promise<void> {
  await db.deleteFrom('cmo_settings').where('settings_id', '=', 1).execute();
  await db.insertInto('cmo_settings').values({ settings_id: 1, ...settings }).execute();
  if (sisters) {
    await db.deleteFrom('sister_societies').execute();
    if (sisters.length > 0) await db.insertInto('sister_societies').values([...sisters]).execute();
  }
}
