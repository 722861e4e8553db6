import { sql, type Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

function reportsIn(reportIds: readonly bigint[]) {
  return sql.join(reportIds.map((id) => sql`${id}`));
}

/** One MW01 work of a medley resource (an AS01 whose block names several works), in report order. */
export interface MedleyWorkRow {
  readonly report_id: bigint;
  readonly dsp_resource_id: string;
  readonly sender_dpid: string;
  readonly dsp_work_id: string;
  readonly title: string;
  readonly valid_iswc: string | null;
  readonly writers: string | null;
  readonly proprietary_work_ids: string | null;
}

/** The works of the reports' medley resources: blocks with more than one MW01, joined to their AS01 resource. */
export async function readMedleyWorks(db: Kysely<ClefDatabase>, reportIds: readonly bigint[]): Promise<MedleyWorkRow[]> {
  if (reportIds.length === 0) return [];
  const { rows } = await sql<MedleyWorkRow>`
    select r.report_id, r.dsp_resource_id, rep.sender_dpid, w.dsp_work_id, w.title, w.valid_iswc, w.writers, w.proprietary_work_ids
    from usage_works w
    join (select report_id, file_number, block_id from usage_works where report_id in (${reportsIn(reportIds)})
          group by report_id, file_number, block_id having count(*) > 1) b
      on b.report_id = w.report_id and b.file_number = w.file_number and b.block_id = w.block_id
    join usage_resources r on r.report_id = w.report_id and r.file_number = w.file_number and r.block_id = w.block_id and r.record_type like 'AS01%'
    join usage_reports rep on rep.report_id = r.report_id
    order by r.report_id, r.dsp_resource_id, w.file_number, w.line`.execute(db);
  return rows.map((row) => ({ ...row, report_id: BigInt(row.report_id) }));
}

/**
 * Replaces the reports' medley parts, then gives each medley resource not yet identified one of its identified
 * parts' works (the smallest id), so worklists and match rates count it; distribution reads the parts themselves.
 */
export async function saveMedleyParts(db: Kysely<ClefDatabase>, reportIds: readonly bigint[], parts: readonly ClefDatabase['usage_medley_parts'][]): Promise<void> {
  if (reportIds.length === 0) return;
  await db.deleteFrom('usage_medley_parts').where('report_id', 'in', [...reportIds]).execute();
  for (let start = 0; start < parts.length; start += 1000) await db.insertInto('usage_medley_parts').values(parts.slice(start, start + 1000)).execute();
  await sql`
    update usage_matches as m set work_id = p.work_id, status = case when m.recording_id is not null then 'matched' else 'work' end,
      method = coalesce(m.method, 'medley'), confidence = coalesce(m.confidence, 10000)
    from (select report_id, dsp_resource_id, min(work_id) as work_id from usage_medley_parts
          where report_id in (${reportsIn(reportIds)}) and work_id is not null group by report_id, dsp_resource_id) p
    where m.report_id = p.report_id and m.dsp_resource_id = p.dsp_resource_id and m.work_id is null and m.status <> 'ambiguous'`.execute(db);
  // A medley none of whose parts was identified shows on the worklist why a part's number was set aside.
  await sql`
    update usage_matches as m set note = p.note
    from (select report_id, dsp_resource_id, min(note) as note from usage_medley_parts
          where report_id in (${reportsIn(reportIds)}) and note is not null group by report_id, dsp_resource_id) p
    where m.report_id = p.report_id and m.dsp_resource_id = p.dsp_resource_id and m.work_id is null`.execute(db);
}

/** A report's medley parts, by resource and part. */
export async function readMedleyParts(db: Kysely<ClefDatabase>, reportId: bigint) {
  return db.selectFrom('usage_medley_parts').select(['dsp_resource_id', 'part', 'work_id']).where('report_id', '=', reportId).orderBy('dsp_resource_id').orderBy('part').execute();
}
