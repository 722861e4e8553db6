import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** Records a licensee. */
export async function insertLicensee(db: Kysely<ClefDatabase>, row: ClefDatabase['ai_licensees']): Promise<void> {
  await db.insertInto('ai_licensees').values(row).execute();
}

/** Every licensee in id order. */
export async function listLicenseeRows(db: Kysely<ClefDatabase>): Promise<ClefDatabase['ai_licensees'][]> {
  return db.selectFrom('ai_licensees').selectAll().orderBy('licensee_id').execute();
}

/** One licensee, or undefined. */
export async function findLicenseeRow(db: Kysely<ClefDatabase>, licenseeId: string): Promise<ClefDatabase['ai_licensees'] | undefined> {
  return db.selectFrom('ai_licensees').selectAll().where('licensee_id', '=', licenseeId).executeTakeFirst();
}

/** Records a licence. */
export async function insertLicence(db: Kysely<ClefDatabase>, row: ClefDatabase['ai_licences']): Promise<void> {
  await db.insertInto('ai_licences').values(row).execute();
}

/** Every licence in id order, optionally one licensee's. */
export async function listLicenceRows(db: Kysely<ClefDatabase>, licenseeId?: string): Promise<ClefDatabase['ai_licences'][]> {
  let query = db.selectFrom('ai_licences').selectAll();
  if (licenseeId !== undefined) query = query.where('licensee_id', '=', licenseeId);
  return query.orderBy('licence_id').execute();
}

/** One licence, or undefined. */
export async function findLicenceRow(db: Kysely<ClefDatabase>, licenceId: string): Promise<ClefDatabase['ai_licences'] | undefined> {
  return db.selectFrom('ai_licences').selectAll().where('licence_id', '=', licenceId).executeTakeFirst();
}
