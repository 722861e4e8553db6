import { sql, type Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** DSP resource ids after `after` (exclusive; null: from the first) up to `upTo` (inclusive; null: to the last). */
interface ResourceRange {
  readonly after: string | null;
  readonly upTo: string | null;
}

function inRange(column: string, range: ResourceRange) {
  const ref = sql.ref(column);
  return sql`${range.after === null ? sql`` : sql`and ${ref} > ${range.after}`} ${range.upTo === null ? sql`` : sql`and ${ref} <= ${range.upTo}`}`;
}

/**
 * Where the next range of a report's resources ends: the id `size` resource rows after `after`, or null when fewer
 * are left. A range holds whole ids and at most `size` of them; a top-N of `size` ids, never a sort of the report.
 */
async function nextRangeEnd(db: Kysely<ClefDatabase>, reportId: bigint, after: string | null, size: number): Promise<string | null> {
  const row = await db
    .selectFrom('usage_resources')
    .select('dsp_resource_id')
    .where('report_id', '=', reportId)
    .$if(after !== null, (q) => q.where('dsp_resource_id', '>', after!))
    .orderBy('dsp_resource_id')
    .limit(1)
    .offset(size - 1)
    .executeTakeFirst();
  return row?.dsp_resource_id ?? null;
}

/**
 * Rebuilds a report's match units (one row per distinct DSP resource id, with its identifiers, keys and usage
 * totals) and matches them by identifier, one range of at most `perStatement` DSP resource ids per statement: the
 * engine then never holds more than a range's groups and joins, whatever the report's size (DuckDB does not spill
 * this statement: a 3 M-line report ran out of a 100 MB limit in it).
 */
export async function rebuildMatchedUnits(db: Kysely<ClefDatabase>, reportId: bigint, perStatement: number): Promise<void> {
  await db.deleteFrom('usage_matches').where('report_id', '=', reportId).execute();
  for (let after: string | null = null; ; ) {
    const upTo = await nextRangeEnd(db, reportId, after, perStatement);
    await insertMatchedUnits(db, reportId, { after, upTo });
    if (upTo === null) break;
    after = upTo;
  }
}

/**
 * Builds the match units of a range of a report's resources and matches them by identifier in the same set-based
 * statement, in this order: a person's decision for the DSP resource id; ISRC (ambiguous when it names several
 * recordings; the ISWC adds the work when the ISRC's recording has none or several); the DSP resource id matched by an
 * earlier report; ISWC (with the work's only recording when the resource has no ISRC). What stays `unmatched` is for
 * the work-number and title steps. One INSERT rather than an UPDATE per step: far fewer round trips, and no updates
 * of rows the transaction wrote. A resource's rows and its usage lines meet in one aggregate over both (not a join
 * of two report-sized sets), so no planner estimate of a fresh report, however wrong, can turn it into a nested
 * loop of lines × resources.
 */
async function insertMatchedUnits(db: Kysely<ClefDatabase>, reportId: bigint, range: ResourceRange): Promise<void> {
  await sql`
    insert into usage_matches (report_id, dsp_resource_id, sender_dpid, valid_isrc, valid_iswc, work_numbers, title, display_artist,
      title_key, artist_key, writer_keys, usages, usage_lines, status, recording_id, work_id, method, confidence, manual)
    with parts as (
      select r.dsp_resource_id, 1 as resource, r.valid_isrc, r.valid_iswc, r.work_numbers, r.title, r.display_artist,
        r.title_key, r.artist_key, r.writer_keys, cast(null as bigint) as usages, 0 as line
      from usage_resources r where r.report_id = ${reportId} ${inRange('r.dsp_resource_id', range)}
      union all
      select l.dsp_resource_id, 0, cast(null as text), cast(null as text), cast(null as text), cast(null as text), cast(null as text),
        cast(null as text), cast(null as text), cast(null as text), l.usages - l.returns, 1
      from usage_lines l where l.report_id = ${reportId} ${inRange('l.dsp_resource_id', range)}
    ),
    units as (
      select cast(${reportId} as bigint) as report_id, dsp_resource_id,
        (select rep.sender_dpid from usage_reports rep where rep.report_id = ${reportId}) as sender_dpid,
        min(valid_isrc) as valid_isrc, min(valid_iswc) as valid_iswc, min(work_numbers) as work_numbers, min(title) as title,
        min(display_artist) as display_artist, min(title_key) as title_key, min(artist_key) as artist_key,
        min(writer_keys) as writer_keys, case when sum(line) = 0 then 0 else sum(usages) end as usages, sum(line) as usage_lines
      from parts
      group by dsp_resource_id
      having max(resource) = 1
    ),
    by_isrc as (
      select r.isrc, count(distinct r.recording_id) as recordings, min(r.recording_id) as recording_id,
        count(distinct rw.work_id) as works, min(rw.work_id) as work_id
      from recordings r left join recording_works rw on rw.recording_id = r.recording_id
      where r.isrc in (select valid_isrc from units)
      group by r.isrc
    ),
    only_recording as (
      select rw.work_id, min(rw.recording_id) as recording_id from recording_works rw
      where rw.work_id in (select wi.work_id from work_iswcs wi where wi.iswc in (select valid_iswc from units))
      group by rw.work_id having count(*) = 1
    ),
    decided as (
      select u.*,
        case
          when man.dsp_resource_id is not null then 'manual'
          when c.isrc is not null then (case when c.recordings > 1 then 'ambiguous' else 'isrc' end)
          when auto.dsp_resource_id is not null then 'dsp-resource'
          when wi.work_id is not null then 'iswc'
          else 'none'
        end as step,
        man.recording_id as man_recording, man.work_id as man_work, man.confidence as man_confidence,
        c.recording_id as isrc_recording, case when c.works = 1 then c.work_id else wi.work_id end as isrc_work,
        auto.recording_id as auto_recording, auto.work_id as auto_work, auto.confidence as auto_confidence,
        wi.work_id as iswc_work, case when u.valid_isrc is null then o.recording_id else null end as iswc_recording
      from units u
      left join dsp_resource_matches man on man.sender_dpid = u.sender_dpid and man.dsp_resource_id = u.dsp_resource_id
        and man.manual = ${true} and (man.recording_id is not null or man.work_id is not null)
      left join by_isrc c on c.isrc = u.valid_isrc
      left join dsp_resource_matches auto on auto.sender_dpid = u.sender_dpid and auto.dsp_resource_id = u.dsp_resource_id
        and auto.manual = ${false} and (auto.recording_id is not null or auto.work_id is not null)
      left join work_iswcs wi on wi.iswc = u.valid_iswc
      left join only_recording o on o.work_id = wi.work_id
    ),
    chosen as (
      select d.*,
        case step when 'manual' then man_recording when 'isrc' then isrc_recording when 'dsp-resource' then auto_recording
          when 'iswc' then iswc_recording else null end as recording_id,
        case step when 'manual' then man_work when 'isrc' then isrc_work when 'dsp-resource' then auto_work
          when 'iswc' then iswc_work else null end as work_id
      from decided d
    )
    select report_id, dsp_resource_id, sender_dpid, valid_isrc, valid_iswc, work_numbers, title, display_artist,
      title_key, artist_key, writer_keys, usages, usage_lines,
      case when step = 'ambiguous' then 'ambiguous'
        when recording_id is not null and work_id is not null then 'matched' when recording_id is not null then 'recording'
        when work_id is not null then 'work' else 'unmatched' end,
      recording_id, work_id,
      case step when 'none' then null when 'ambiguous' then 'isrc' else step end,
      case step when 'manual' then man_confidence when 'dsp-resource' then auto_confidence when 'ambiguous' then 0
        when 'none' then null else 10000 end,
      step = 'manual'
    from chosen`.execute(db);
}
