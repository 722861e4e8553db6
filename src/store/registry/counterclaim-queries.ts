import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';
import { isStagedImport } from './staged-import.js';

/** The open counterclaims of these works. */
export async function readOpenCounterclaims(db: Kysely<ClefDatabase>, workIds: readonly string[]): Promise<ClefDatabase['counterclaims'][]> {
  const found: ClefDatabase['counterclaims'][] = [];
  for (let start = 0; start < workIds.length; start += 2000) {
    found.push(...(await db.selectFrom('counterclaims').selectAll().where('work_id', 'in', workIds.slice(start, start + 2000)).where('status', '=', 'open').execute()));
  }
  return found;
}

/** Closes counterclaims with the resolution given. */
export async function closeCounterclaims(db: Kysely<ClefDatabase>, ids: readonly string[], at: string, resolution: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('counterclaims').set({ status: 'resolved', resolved_at: at, resolution }).where('counterclaim_id', 'in', [...ids]).execute();
  // A staged import updates only its own rows above; the registry's are closed when the file is accepted.
  if (isStagedImport(db)) await db.insertInto('staged_closures').values(ids.map((id) => ({ counterclaim_id: id, resolved_at: at, resolution }))).execute();
}

/** Every counterclaim with its work, open ones first, with the registrations and submitters it names. */
export async function readCounterclaims(db: Kysely<ClefDatabase>) {
  const rows = await db
    .selectFrom('counterclaims')
    .innerJoin('works', 'works.work_id', 'counterclaims.work_id')
    .selectAll('counterclaims')
    .select(['works.title', 'works.iswc'])
    .orderBy('counterclaims.status')
    .orderBy('counterclaims.counterclaim_id')
    .execute();
  const ids = [...new Set(rows.flatMap((row) => row.registration_ids.split(' ')))];
  const registrations = ids.length === 0 ? [] : await db.selectFrom('registrations').select(['registration_id', 'submitter_kind', 'submitter_id', 'submitter_work_number', 'status']).where('registration_id', 'in', ids).execute();
  return { rows, registrations };
}

/** Sets registrations aside: kept for history, no longer counted. */
export async function withdrawRegistrations(db: Kysely<ClefDatabase>, ids: readonly string[], by: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('registrations').set({ status: 'withdrawn', revised_by: by }).where('registration_id', 'in', [...ids]).execute();
}

/** The resolved counterclaims of these works whose resolution decided shares, oldest first. */
export async function readShareResolutions(db: Kysely<ClefDatabase>, workIds: readonly string[]): Promise<{ work_id: string; resolution: string }[]> {
  const found: { work_id: string; resolution: string }[] = [];
  for (let start = 0; start < workIds.length; start += 2000) {
    const rows = await db
      .selectFrom('counterclaims')
      .select(['work_id', 'resolution'])
      .where('work_id', 'in', workIds.slice(start, start + 2000))
      .where('status', '=', 'resolved')
      .where('resolution', 'like', '%"shares"%')
      .orderBy('counterclaim_id')
      .execute();
    for (const row of rows) if (row.resolution !== null) found.push({ work_id: row.work_id, resolution: row.resolution });
  }
  return found;
}
