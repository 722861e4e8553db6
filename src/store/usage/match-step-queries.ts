import { sql, type Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

function reportsIn(reportIds: readonly bigint[]) {
  return sql.join(reportIds.map((id) => sql`${id}`));
}

/** Fills in the recording of works matched without one, when the work has exactly one recording and the resource no ISRC. */
export async function addOnlyRecording(db: Kysely<ClefDatabase>, reportIds: readonly bigint[], method: string): Promise<void> {
  await sql`
    update usage_matches as m set recording_id = c.recording_id, status = 'matched'
    from (
      select rw.work_id, min(rw.recording_id) as recording_id from recording_works rw
      where rw.work_id in (select work_id from usage_matches where report_id in (${reportsIn(reportIds)}) and status = 'work')
      group by rw.work_id having count(*) = 1
    ) c
    where c.work_id = m.work_id and m.valid_isrc is null and m.method = ${method}
      and m.report_id in (${reportsIn(reportIds)}) and m.status = 'work'`.execute(db);
}

/**
 * A page of a report's open resources that name work numbers (proprietary ids, LI01 RightsControllerWorkId): the
 * first `limit` after DSP resource id `after` (null: from the first), in id order, so a report of any size is matched a page at a time.
 */
export async function openResourcesWithWorkNumbers(db: Kysely<ClefDatabase>, reportId: bigint, after: string | null, limit: number) {
  return db
    .selectFrom('usage_matches')
    .select(['report_id', 'dsp_resource_id', 'sender_dpid', 'work_numbers', 'valid_isrc', 'title_key', 'writer_keys'])
    .where('report_id', '=', reportId)
    .where('status', '=', 'unmatched')
    .where('work_numbers', 'is not', null)
    .$if(after !== null, (q) => q.where('dsp_resource_id', '>', after!))
    .orderBy('dsp_resource_id')
    .limit(limit)
    .execute();
}

/** A page of a report's open resources with no usable ISRC, for title-and-artist matching: the first `limit` after `after`, in id order. */
export async function openResourcesForTitles(db: Kysely<ClefDatabase>, reportId: bigint, after: string | null, limit: number) {
  return db
    .selectFrom('usage_matches')
    .select(['report_id', 'dsp_resource_id', 'title_key', 'artist_key', 'writer_keys'])
    .where('report_id', '=', reportId)
    .where('status', '=', 'unmatched')
    .where('valid_isrc', 'is', null)
    .$if(after !== null, (q) => q.where('dsp_resource_id', '>', after!))
    .orderBy('dsp_resource_id')
    .limit(limit)
    .execute();
}

/** Candidate recordings for title-and-artist matching: same title key or same artist key, with their works' creator keys. */
export async function recordingCandidates(db: Kysely<ClefDatabase>, titleKeys: readonly string[], artistKeys: readonly string[]) {
  const titles = [...new Set(titleKeys)].filter((key) => key !== '');
  const artists = [...new Set(artistKeys)].filter((key) => key !== '');
  if (titles.length === 0 && artists.length === 0) return [];
  return db
    .selectFrom('recordings as r')
    .leftJoin('recording_works as rw', 'rw.recording_id', 'r.recording_id')
    .leftJoin('works as w', 'w.work_id', 'rw.work_id')
    .select(['r.recording_id', 'r.isrc', 'r.title_key', 'r.artist_key', 'rw.work_id', 'w.creator_key'])
    .where((eb) => {
      const ors = [];
      if (titles.length > 0) ors.push(eb('r.title_key', 'in', titles));
      if (artists.length > 0) ors.push(eb('r.artist_key', 'in', artists));
      return eb.or(ors);
    })
    .orderBy('r.recording_id')
    .orderBy('rw.work_id')
    .execute();
}

/** One resource's automatic match, found in TypeScript (work number, title and artist). */
export interface FoundMatch {
  readonly reportId: bigint;
  readonly dspResourceId: string;
  readonly recordingId: string | null;
  readonly workId: string | null;
  readonly method: string;
  readonly confidence: number;
  readonly status: string;
}

// 7 parameters a row: well under PostgreSQL's 65535 per statement.
const matchesPerStatement = 1000;

/** Records matches found in TypeScript, a thousand per UPDATE rather than one statement per resource. */
export async function setMatches(db: Kysely<ClefDatabase>, matches: readonly FoundMatch[]): Promise<void> {
  for (let start = 0; start < matches.length; start += matchesPerStatement) {
    const rows = matches.slice(start, start + matchesPerStatement).map(
      (m) => sql`(cast(${m.reportId} as bigint), cast(${m.dspResourceId} as text), cast(${m.recordingId} as text), cast(${m.workId} as text),
        cast(${m.method} as text), cast(${m.confidence} as integer), cast(${m.status} as text))`,
    );
    await sql`
      update usage_matches as m set recording_id = v.recording_id, work_id = v.work_id, method = v.method, confidence = v.confidence,
        status = v.status, manual = ${false}
      from (values ${sql.join(rows)}) as v(report_id, dsp_resource_id, recording_id, work_id, method, confidence, status)
      where m.report_id = v.report_id and m.dsp_resource_id = v.dsp_resource_id`.execute(db);
  }
}

/** Why an identifier match was set aside, for the worklist. */
export interface MatchNote {
  readonly reportId: bigint;
  readonly dspResourceId: string;
  readonly note: string;
}

/** Records why resources stay unmatched although an identifier named a work. */
export async function setMatchNotes(db: Kysely<ClefDatabase>, notes: readonly MatchNote[]): Promise<void> {
  for (let start = 0; start < notes.length; start += matchesPerStatement) {
    const rows = notes.slice(start, start + matchesPerStatement).map((n) => sql`(cast(${n.reportId} as bigint), cast(${n.dspResourceId} as text), cast(${n.note} as text))`);
    await sql`
      update usage_matches as m set note = v.note
      from (values ${sql.join(rows)}) as v(report_id, dsp_resource_id, note)
      where m.report_id = v.report_id and m.dsp_resource_id = v.dsp_resource_id`.execute(db);
  }
}

/** Remembers the reports' automatic matches per DSP resource id, for later reports (manual decisions are never overwritten). */
export async function rememberMatches(db: Kysely<ClefDatabase>, reportIds: readonly bigint[], now: string, actor: string): Promise<void> {
  if (reportIds.length === 0) return;
  await sql`
    insert into dsp_resource_matches (sender_dpid, dsp_resource_id, recording_id, work_id, method, confidence, manual, matched_at, actor)
    select m.sender_dpid, m.dsp_resource_id, min(m.recording_id), min(m.work_id), min(m.method), min(m.confidence), false, ${now}, ${actor}
    from usage_matches m
    where m.report_id in (${reportsIn(reportIds)}) and m.status in ('matched', 'recording', 'work') and m.manual = false
      and m.method <> 'dsp-resource'
      and not exists (select 1 from dsp_resource_matches d where d.sender_dpid = m.sender_dpid and d.dsp_resource_id = m.dsp_resource_id)
    group by m.sender_dpid, m.dsp_resource_id`.execute(db);
}

/** Forgets the automatic matches remembered for the reports' resources, so a rematch decides afresh. */
export async function forgetAutomaticMatches(db: Kysely<ClefDatabase>, reportIds: readonly bigint[]): Promise<void> {
  if (reportIds.length === 0) return;
  await sql`
    delete from dsp_resource_matches
    where manual = false and exists (
      select 1 from usage_matches m where m.sender_dpid = dsp_resource_matches.sender_dpid
        and m.dsp_resource_id = dsp_resource_matches.dsp_resource_id and m.report_id in (${reportsIn(reportIds)}))`.execute(db);
}

/** Saves a person's match of a DSP resource id, replacing any earlier decision. */
export async function saveManualMatch(db: Kysely<ClefDatabase>, row: ClefDatabase['dsp_resource_matches']): Promise<void> {
  await db.deleteFrom('dsp_resource_matches').where('sender_dpid', '=', row.sender_dpid).where('dsp_resource_id', '=', row.dsp_resource_id).execute();
  await db.insertInto('dsp_resource_matches').values(row).execute();
}

/** The reports that used a DSP resource id. */
export async function reportsWithResource(db: Kysely<ClefDatabase>, senderDpid: string, dspResourceId: string): Promise<bigint[]> {
  const rows = await db
    .selectFrom('usage_matches')
    .select('report_id')
    .where('sender_dpid', '=', senderDpid)
    .where('dsp_resource_id', '=', dspResourceId)
    .execute();
  return rows.map((row) => BigInt(row.report_id));
}
