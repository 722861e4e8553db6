import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** Everything stored about one work: the row, titles, ISWCs, registrations, derived shares, disputes, recordings, society numbers. */
export async function readWorkDetail(db: Kysely<ClefDatabase>, workId: string) {
  const work = await db.selectFrom('works').selectAll().where('work_id', '=', workId).executeTakeFirst();
  if (!work) return undefined;
  const [titles, iswcs, registrations, shares, disputes, recordings, societyNumbers] = await Promise.all([
    db.selectFrom('work_titles').selectAll().where('work_id', '=', workId).execute(),
    db.selectFrom('work_iswcs').selectAll().where('work_id', '=', workId).orderBy('iswc').execute(),
    db.selectFrom('registrations').selectAll().where('work_id', '=', workId).orderBy('registration_id').execute(),
    db
      .selectFrom('work_collection_shares')
      .leftJoin('parties', 'parties.party_id', 'work_collection_shares.party_id')
      .select(['work_collection_shares.right_code', 'work_collection_shares.territory', 'work_collection_shares.party_id', 'work_collection_shares.registration_id', 'work_collection_shares.collection_bp', 'parties.name', 'parties.first_name'])
      .where('work_collection_shares.work_id', '=', workId)
      .orderBy('work_collection_shares.right_code')
      .orderBy('work_collection_shares.territory')
      .orderBy('work_collection_shares.registration_id')
      .orderBy('work_collection_shares.party_id')
      .execute(),
    db.selectFrom('work_disputes').selectAll().where('work_id', '=', workId).orderBy('right_code').orderBy('territory').execute(),
    db
      .selectFrom('recording_works')
      .innerJoin('recordings', 'recordings.recording_id', 'recording_works.recording_id')
      .selectAll('recordings')
      .where('recording_works.work_id', '=', workId)
      .orderBy('recordings.recording_id')
      .execute(),
    db.selectFrom('work_society_numbers').selectAll().where('work_id', '=', workId).orderBy('society_code').execute(),
  ]);
  const registrationIds = registrations.map((r) => r.registration_id);
  const parties = registrationIds.length
    ? await db.selectFrom('registration_parties').selectAll().where('registration_id', 'in', registrationIds).orderBy('registration_id').orderBy('party_seq').execute()
    : [];
  const collections = registrationIds.length
    ? await db.selectFrom('registration_collections').selectAll().where('registration_id', 'in', registrationIds).orderBy('registration_id').orderBy('party_seq').orderBy('claim_seq').execute()
    : [];
  const links = registrationIds.length ? await db.selectFrom('registration_links').selectAll().where('registration_id', 'in', registrationIds).execute() : [];
  return { work, titles, iswcs, registrations, parties, collections, links, shares, disputes, recordings, societyNumbers };
}

/** Works in dispute with the rights and territories over-claimed. */
export async function readDisputes(db: Kysely<ClefDatabase>) {
  return db
    .selectFrom('work_disputes')
    .innerJoin('works', 'works.work_id', 'work_disputes.work_id')
    .select(['works.work_id', 'works.iswc', 'works.title', 'work_disputes.right_code', 'work_disputes.territory', 'work_disputes.claimed_bp'])
    .orderBy('works.work_id')
    .orderBy('work_disputes.right_code')
    .orderBy('work_disputes.territory')
    .execute();
}
