import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import type { ClefDatabase } from '../schema.js';

/** Works by the number Clef sent as Submitter Work #: its own work id, or the submitter's number of a current registration. */
export async function findWorksBySentNumber(db: Kysely<ClefDatabase>, numbers: readonly string[]): Promise<Map<string, Set<string>>> {
  const found = new Map<string, Set<string>>();
  if (numbers.length === 0) return found;
  const unique = [...new Set(numbers)];
  const add = (number: string, workId: string) => found.set(number, (found.get(number) ?? new Set()).add(workId));
  for (const row of await db.selectFrom('works').select('work_id').where('work_id', 'in', unique).execute()) add(row.work_id, row.work_id);
  for (const row of await db.selectFrom('registrations').select(['submitter_work_number', 'work_id']).where('submitter_work_number', 'in', unique).where('status', '=', 'current').execute()) {
    add(row.submitter_work_number, row.work_id);
  }
  return found;
}

/** The works holding ISWCs (current or archived), by ISWC. */
export async function findWorksByIswc(db: Kysely<ClefDatabase>, iswcs: readonly string[]): Promise<Map<string, string>> {
  if (iswcs.length === 0) return new Map();
  const rows = await db.selectFrom('work_iswcs').select(['iswc', 'work_id']).where('iswc', 'in', [...new Set(iswcs)]).execute();
  return new Map(rows.map((row) => [row.iswc, row.work_id]));
}

/** Stores acknowledgements, the society work numbers and statuses they bring (one row per work and society), and ISWCs new to their works. */
export async function storeCwrAcks(
  db: Kysely<ClefDatabase>,
  engine: Engine,
  acks: readonly ClefDatabase['cwr_acks'][],
  societyNumbers: readonly ClefDatabase['work_society_numbers'][],
  iswcs: readonly { work_id: string; iswc: string; at: string }[],
): Promise<void> {
  await engine.bulkInsert(db, 'cwr_acks', acks);
  for (const row of societyNumbers) {
    await db.deleteFrom('work_society_numbers').where('work_id', '=', row.work_id).where('society_code', '=', row.society_code).execute();
  }
  await engine.bulkInsert(db, 'work_society_numbers', societyNumbers);
  for (const { work_id, iswc, at } of iswcs) {
    await db.updateTable('works').set({ iswc, updated_at: at }).where('work_id', '=', work_id).execute();
  }
  await engine.bulkInsert(db, 'work_iswcs', iswcs.map(({ work_id, iswc }) => ({ iswc, work_id, preferred: true })));
}
