import { sql, type Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** Works sharing the most title trigrams with a query, with their titles, best first (ties by work id). */
export async function findWorksByTrigrams(db: Kysely<ClefDatabase>, grams: readonly string[], limit: number) {
  if (grams.length === 0) return [];
  const hits = await db
    .selectFrom('work_trigrams')
    .select(['work_id', sql<bigint>`count(*)`.as('hits')])
    .where('trigram', 'in', [...grams])
    .groupBy('work_id')
    .orderBy('hits', 'desc')
    .orderBy('work_id')
    .limit(limit)
    .execute();
  return hits.map((hit) => hit.work_id);
}

/** Parties sharing the most name trigrams with a query, best first. */
export async function findPartiesByTrigrams(db: Kysely<ClefDatabase>, grams: readonly string[], limit: number) {
  if (grams.length === 0) return [];
  const hits = await db
    .selectFrom('party_trigrams')
    .select(['party_id', sql<bigint>`count(*)`.as('hits')])
    .where('trigram', 'in', [...grams])
    .groupBy('party_id')
    .orderBy('hits', 'desc')
    .orderBy('party_id')
    .limit(limit)
    .execute();
  return hits.map((hit) => hit.party_id);
}

/** The title keys (main and alternate) and display data of works. */
export async function readWorkTitles(db: Kysely<ClefDatabase>, workIds: readonly string[]) {
  if (workIds.length === 0) return { works: [], alternates: [] };
  const works = await db.selectFrom('works').select(['work_id', 'iswc', 'title', 'title_key']).where('work_id', 'in', [...workIds]).execute();
  const alternates = await db.selectFrom('work_titles').select(['work_id', 'title_key']).where('work_id', 'in', [...workIds]).execute();
  return { works, alternates };
}

/** Works by exact identifier: ISWC (current or archived), ISRC of a linked recording, IPI of a party, or a work number. */
export async function findWorkIdsByIdentifier(db: Kysely<ClefDatabase>, kind: 'iswc' | 'isrc' | 'ipi' | 'work_number', value: string): Promise<string[]> {
  switch (kind) {
    case 'iswc':
      return (await db.selectFrom('work_iswcs').select('work_id').where('iswc', '=', value).execute()).map((r) => r.work_id);
    case 'isrc':
      return (
        await db.selectFrom('recordings').innerJoin('recording_works', 'recording_works.recording_id', 'recordings.recording_id').select('recording_works.work_id').where('recordings.isrc', '=', value).execute()
      ).map((r) => r.work_id);
    case 'ipi':
      return (
        await db
          .selectFrom('registration_parties')
          .innerJoin('registrations', 'registrations.registration_id', 'registration_parties.registration_id')
          .innerJoin('party_ipi_names', 'party_ipi_names.party_id', 'registration_parties.party_id')
          .select('registrations.work_id')
          .distinct()
          .where('party_ipi_names.ipi_name_number', '=', value)
          .where('registrations.status', '=', 'current')
          .execute()
      ).map((r) => r.work_id);
    case 'work_number': {
      const own = await db.selectFrom('works').select('work_id').where('work_id', '=', value).execute();
      const society = await db.selectFrom('work_society_numbers').select('work_id').where('work_number', '=', value).execute();
      return [...own, ...society].map((r) => r.work_id);
    }
  }
}

/** Works whose current registrations name any of the parties. */
export async function findWorkIdsByParties(db: Kysely<ClefDatabase>, partyIds: readonly string[], limit: number): Promise<{ work_id: string; party_id: string }[]> {
  if (partyIds.length === 0) return [];
  return db
    .selectFrom('registration_parties')
    .innerJoin('registrations', 'registrations.registration_id', 'registration_parties.registration_id')
    .select(['registrations.work_id', 'registration_parties.party_id'])
    .distinct()
    .where('registration_parties.party_id', 'in', [...partyIds])
    .where('registrations.status', '=', 'current')
    .orderBy('registrations.work_id')
    .limit(limit)
    .execute();
}
