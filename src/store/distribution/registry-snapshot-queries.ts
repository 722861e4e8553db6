import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** The works linked to the recordings a report's resources were matched to, by a semi-join rather than a list of ids. */
export async function readRecordingWorksOfReport(db: Kysely<ClefDatabase>, reportId: bigint): Promise<ClefDatabase['recording_works'][]> {
  return db
    .selectFrom('recording_works')
    .selectAll()
    .where('recording_id', 'in', (eb) => eb.selectFrom('usage_matches').select('recording_id').where('report_id', '=', reportId).where('recording_id', 'is not', null).$narrowType<{ recording_id: string }>())
    .orderBy('recording_id').orderBy('work_id')
    .execute();
}

/**
 * The AI flag and consolidated collection shares of every work the given reports' resources were matched to (the
 * works of their matched recordings, the work matched directly, or a medley's parts), by semi-joins rather than a list of ids.
 */
export async function readWorkSharesOfReports(db: Kysely<ClefDatabase>, reportIds: readonly bigint[]) {
  if (reportIds.length === 0) return { works: [], shares: [] };
  const matchedWorks = db
    .selectFrom('recording_works')
    .select('work_id')
    .where('recording_id', 'in', db.selectFrom('usage_matches').select('recording_id').where('report_id', 'in', [...reportIds]).where('recording_id', 'is not', null).$narrowType<{ recording_id: string }>())
    .union(db.selectFrom('usage_matches').select('work_id').where('report_id', 'in', [...reportIds]).where('recording_id', 'is', null).where('work_id', 'is not', null).$narrowType<{ work_id: string }>())
    .union(db.selectFrom('usage_medley_parts').select('work_id').where('report_id', 'in', [...reportIds]).where('work_id', 'is not', null).$narrowType<{ work_id: string }>());
  const works = await db.selectFrom('works').select(['work_id', 'fully_ai_generated']).where('work_id', 'in', matchedWorks).orderBy('work_id').execute();
  const shares = await db
    .selectFrom('work_collection_shares')
    .select(['work_id', 'right_code', 'territory', 'party_id', 'collection_bp'])
    .where('work_id', 'in', matchedWorks)
    .orderBy('work_id').orderBy('right_code').orderBy('territory').orderBy('party_id')
    .execute();
  return { works, shares };
}

/** Members, sister societies and party affiliations, in key order. */
export async function readPayeeRows(db: Kysely<ClefDatabase>) {
  const members = await db.selectFrom('members').selectAll().orderBy('member_id').execute();
  const sisters = await db.selectFrom('sister_societies').selectAll().orderBy('society_code').execute();
  const affiliations = await db.selectFrom('party_affiliations').select(['party_id', 'right_code', 'society_code']).distinct().orderBy('party_id').orderBy('right_code').orderBy('society_code').execute();
  return { members, sisters, affiliations };
}

/** The given works (fully AI-generated or not) with their collection shares, in key order. */
export async function readWorkShares(db: Kysely<ClefDatabase>, workIds: readonly string[]) {
  if (workIds.length === 0) return { works: [], shares: [] };
  const works = await db.selectFrom('works').select(['work_id', 'fully_ai_generated']).where('work_id', 'in', [...workIds]).orderBy('work_id').execute();
  const shares = await db
    .selectFrom('work_collection_shares')
    .select(['work_id', 'right_code', 'territory', 'party_id', 'collection_bp'])
    .where('work_id', 'in', [...workIds])
    .orderBy('work_id').orderBy('right_code').orderBy('territory').orderBy('party_id')
    .execute();
  return { works, shares };
}
