import { sql, type Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/**
 * Rebuilds a report's match units: one row per distinct DSP resource id with its identifiers, keys and usage
 * totals, all unmatched. Manual decisions live in `dsp_resource_matches`, so nothing is lost.
 */
export async function rebuildMatchUnits(db: Kysely<ClefDatabase>, reportId: bigint, senderDpid: string): Promise<void> {
  await db.deleteFrom('usage_matches').where('report_id', '=', reportId).execute();
  await sql`
    insert into usage_matches (report_id, dsp_resource_id, sender_dpid, valid_isrc, valid_iswc, work_numbers, title, display_artist,
      title_key, artist_key, writer_keys, usages, usage_lines, status, recording_id, work_id, method, confidence, manual)
    select r.report_id, r.dsp_resource_id, ${senderDpid}, min(r.valid_isrc), min(r.valid_iswc), min(r.work_numbers), min(r.title),
      min(r.display_artist), min(r.title_key), min(r.artist_key), min(r.writer_keys), coalesce(min(u.usages), 0), coalesce(min(u.lines), 0),
      'unmatched', null, null, null, null, false
    from usage_resources r
    left join (
      select dsp_resource_id, sum(usages - returns) as usages, count(*) as lines
      from usage_lines where report_id = ${reportId} group by dsp_resource_id
    ) u on u.dsp_resource_id = r.dsp_resource_id
    where r.report_id = ${reportId}
    group by r.report_id, r.dsp_resource_id`.execute(db);
}

/** Puts every automatic match of the reports back to unmatched, before matching again. */
export async function resetMatches(db: Kysely<ClefDatabase>, reportIds: readonly bigint[]): Promise<void> {
  if (reportIds.length === 0) return;
  await db
    .updateTable('usage_matches')
    .set({ status: 'unmatched', recording_id: null, work_id: null, method: null, confidence: null, manual: false })
    .where('report_id', 'in', reportIds)
    .execute();
}
