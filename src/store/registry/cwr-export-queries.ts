import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** The ids of the works to export, in id order: the given ones that exist, or every work. */
export async function listCwrExportWorkIds(db: Kysely<ClefDatabase>, workIds?: readonly string[]): Promise<string[]> {
  let query = db.selectFrom('works').select('work_id').orderBy('work_id');
  if (workIds) {
    if (workIds.length === 0) return [];
    query = query.where('work_id', 'in', [...workIds]);
  }
  return (await query.execute()).map((row) => row.work_id);
}

/** What writing a batch of works as CWR reads: works, titles, current registrations with parties, claims and links, kept CWR records. */
export async function readCwrExportBatch(db: Kysely<ClefDatabase>, workIds: readonly string[]) {
  const ids = [...workIds];
  const registrations = await db.selectFrom('registrations').selectAll().where('work_id', 'in', ids).where('status', '=', 'current').orderBy('registration_id').execute();
  const registrationIds = registrations.map((r) => r.registration_id);
  const none = registrationIds.length === 0;
  const [works, titles, parties, collections, links, kept] = await Promise.all([
    db.selectFrom('works').selectAll().where('work_id', 'in', ids).execute(),
    db.selectFrom('work_titles').selectAll().where('work_id', 'in', ids).execute(),
    none ? [] : db.selectFrom('registration_parties').selectAll().where('registration_id', 'in', registrationIds).orderBy('registration_id').orderBy('party_seq').execute(),
    none ? [] : db.selectFrom('registration_collections').selectAll().where('registration_id', 'in', registrationIds).orderBy('registration_id').orderBy('party_seq').orderBy('claim_seq').execute(),
    none ? [] : db.selectFrom('registration_links').selectAll().where('registration_id', 'in', registrationIds).execute(),
    none ? [] : db.selectFrom('cwr_registrations').selectAll().where('registration_id', 'in', registrationIds).execute(),
  ]);
  return { works, titles, registrations, parties, collections, links, kept };
}

/** The works some society has acknowledged: they are sent again as REV. */
export async function listAcknowledgedWorkIds(db: Kysely<ClefDatabase>): Promise<Set<string>> {
  return new Set((await db.selectFrom('cwr_acks').select('work_id').distinct().execute()).map((row) => row.work_id));
}
