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

/**
 * A page of the works of a report's medley resources (an AS01 whose block has more than one MW01): those of the
 * first `limit` such resources after DSP resource id `after` (null: from the first), by resource id and line, so a
 * report of any size is matched a page of whole resources at a time.
 */
export async function readMedleyWorks(db: Kysely<ClefDatabase>, reportId: bigint, after: string | null, limit: number): Promise<MedleyWorkRow[]> {
  const { rows } = await sql<MedleyWorkRow>`
    with medleys as (
      select r.dsp_resource_id, r.file_number, r.block_id from usage_resources r
      join (select file_number, block_id from usage_works where report_id = ${reportId} group by file_number, block_id having count(*) > 1) b
        on b.file_number = r.file_number and b.block_id = r.block_id
      where r.report_id = ${reportId} and r.record_type like 'AS01%' ${after === null ? sql`` : sql`and r.dsp_resource_id > ${after}`}
    ),
    page as (select distinct dsp_resource_id from medleys order by dsp_resource_id limit ${limit})
    select rep.report_id, m.dsp_resource_id, rep.sender_dpid, w.dsp_work_id, w.title, w.valid_iswc, w.writers, w.proprietary_work_ids
    from medleys m
    join page p on p.dsp_resource_id = m.dsp_resource_id
    join usage_works w on w.report_id = ${reportId} and w.file_number = m.file_number and w.block_id = m.block_id
    join usage_reports rep on rep.report_id = ${reportId}
    order by m.dsp_resource_id, w.file_number, w.line`.execute(db);
  return rows.map((row) => ({ ...row, report_id: BigInt(row.report_id) }));
}

/** Removes the reports' medley parts, before they are identified again. */
export async function clearMedleyParts(db: Kysely<ClefDatabase>, reportIds: readonly bigint[]): Promise<void> {
  if (reportIds.length === 0) return;
  await db.deleteFrom('usage_medley_parts').where('report_id', 'in', [...reportIds]).execute();
}

/** Saves a page of medley parts. */
export async function insertMedleyParts(db: Kysely<ClefDatabase>, parts: readonly ClefDatabase['usage_medley_parts'][]): Promise<void> {
  for (let start = 0; start < parts.length; start += 1000) await db.insertInto('usage_medley_parts').values(parts.slice(start, start + 1000)).execute();
}

/**
 * Gives each medley resource of the reports not yet identified one of its identified parts' works (the smallest id),
 * so worklists and match rates count it; distribution reads the parts themselves.
 */
export async function applyMedleyParts(db: Kysely<ClefDatabase>, reportIds: readonly bigint[]): Promise<void> {
  if (reportIds.length === 0) return;
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
