import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

const slice = 5000;

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < values.length; start += slice) out.push(values.slice(start, start + slice));
  return out;
}

/** Society work numbers by number: society code and work id, for the numbers asked. */
export async function readSocietyWorkNumbers(db: Kysely<ClefDatabase>, numbers: readonly string[]) {
  const rows: { society_code: string; work_number: string; work_id: string }[] = [];
  for (const part of chunks([...new Set(numbers)])) {
    rows.push(...(await db.selectFrom('work_society_numbers').select(['society_code', 'work_number', 'work_id']).where('work_number', 'in', part).execute()));
  }
  return rows;
}

/** The Clef work ids among the values asked. */
export async function readExistingWorkIds(db: Kysely<ClefDatabase>, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(ids)])) {
    for (const row of await db.selectFrom('works').select('work_id').where('work_id', 'in', part).execute()) found.add(row.work_id);
  }
  return found;
}

/**
 * The works a DSP's earlier reports' resources were identified as, with the work numbers those resources carried:
 * a DSP's own work id is trusted only through what the same DSP's resources were matched to before.
 */
export async function readEarlierResourceWorks(db: Kysely<ClefDatabase>, senderDpids: readonly string[], excludedReports: readonly bigint[]) {
  if (senderDpids.length === 0) return [];
  return db
    .selectFrom('usage_matches')
    .select(['sender_dpid', 'work_numbers', 'work_id'])
    .where('sender_dpid', 'in', [...new Set(senderDpids)])
    .where('report_id', 'not in', excludedReports.length > 0 ? [...excludedReports] : [-1n])
    .where('work_id', 'is not', null)
    .where('work_numbers', 'is not', null)
    .where('method', '<>', 'work-number')
    .execute();
}

/** The titles (original and alternate, as keys) and creator keys of works, for the guard on id matches. */
export async function readWorkIdentities(db: Kysely<ClefDatabase>, workIds: readonly string[]): Promise<Map<string, { titleKeys: string[]; creatorKeys: string[] }>> {
  const identities = new Map<string, { titleKeys: string[]; creatorKeys: string[] }>();
  for (const part of chunks([...new Set(workIds)])) {
    for (const work of await db.selectFrom('works').select(['work_id', 'title_key', 'creator_key']).where('work_id', 'in', part).execute()) {
      identities.set(work.work_id, { titleKeys: [work.title_key], creatorKeys: work.creator_key.split(';').filter(Boolean) });
    }
    for (const title of await db.selectFrom('work_titles').select(['work_id', 'title_key']).where('work_id', 'in', part).orderBy('title_key').execute()) {
      identities.get(title.work_id)?.titleKeys.push(title.title_key);
    }
  }
  return identities;
}

/** The names the CMO goes by in the DSPs' reports: its settings and the rights-controller names of the senders' licences. */
export async function readOwnNames(db: Kysely<ClefDatabase>, senderDpids: readonly string[]) {
  const settings = await db.selectFrom('cmo_settings').select(['name', 'society_code']).where('settings_id', '=', 1).executeTakeFirst();
  const controllers = senderDpids.length === 0 ? [] : await db.selectFrom('dsp_licences').select('rights_controller').where('dpid', 'in', [...new Set(senderDpids)]).where('rights_controller', 'is not', null).execute();
  return { name: settings?.name ?? null, societyCode: settings?.society_code ?? null, controllers: controllers.map((c) => c.rights_controller!) };
}
