import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** What statements print of works and parties: titles and ISWCs, names and IPI name numbers. */
export interface StatementLabelRows {
  readonly works: readonly { work_id: string; title: string | null; iswc: string | null }[];
  readonly parties: readonly { party_id: string; name: string; first_name: string | null }[];
  readonly ipis: readonly { party_id: string; ipi_name_number: string }[];
}

const paid = ['party', 'society'];

/**
 * Copies, inside the booking transaction, the registry's labels of what a run's ledger pays: the works of its
 * member and society entries and the parties of its member entries. One INSERT … SELECT per table, run-scoped.
 */
export async function recordRunLabels(db: Kysely<ClefDatabase>, runId: string): Promise<void> {
  const workIds = db.selectFrom('ledger_entries').select('work_id').where('run_id', '=', runId).where('account_kind', 'in', paid).where('work_id', 'is not', null);
  const partyIds = db.selectFrom('ledger_entries').select('account_id').where('run_id', '=', runId).where('account_kind', '=', 'party');
  await db
    .insertInto('run_work_labels')
    .columns(['run_id', 'work_id', 'title', 'iswc'])
    .expression(db.selectFrom('works').select((eb) => [eb.val(runId).as('run_id'), 'work_id', 'title', 'iswc']).where('work_id', 'in', workIds))
    .execute();
  await db
    .insertInto('run_party_labels')
    .columns(['run_id', 'party_id', 'name', 'first_name'])
    .expression(db.selectFrom('parties').select((eb) => [eb.val(runId).as('run_id'), 'party_id', 'name', 'first_name']).where('party_id', 'in', partyIds))
    .execute();
  await db
    .insertInto('run_party_ipi_names')
    .columns(['run_id', 'party_id', 'ipi_name_number'])
    .expression(db.selectFrom('party_ipi_names').select((eb) => [eb.val(runId).as('run_id'), 'party_id', 'ipi_name_number']).where('party_id', 'in', partyIds))
    .execute();
}

/** The labels recorded with a run. */
export async function readRunLabels(db: Kysely<ClefDatabase>, runId: string): Promise<StatementLabelRows> {
  const [works, parties, ipis] = await Promise.all([
    db.selectFrom('run_work_labels').select(['work_id', 'title', 'iswc']).where('run_id', '=', runId).execute(),
    db.selectFrom('run_party_labels').select(['party_id', 'name', 'first_name']).where('run_id', '=', runId).execute(),
    db.selectFrom('run_party_ipi_names').select(['party_id', 'ipi_name_number']).where('run_id', '=', runId).orderBy('ipi_name_number').execute(),
  ]);
  return { works, parties, ipis };
}

/** The registry's labels now, for runs booked before labels were recorded with them. */
export async function readLiveLabels(db: Kysely<ClefDatabase>, workIds: readonly string[], partyIds: readonly string[]): Promise<StatementLabelRows> {
  const works = workIds.length === 0 ? [] : await db.selectFrom('works').select(['work_id', 'title', 'iswc']).where('work_id', 'in', [...workIds]).execute();
  return { works, ...(await readPartyNames(db, partyIds)) };
}

/** The names and IPI name numbers of parties. */
export async function readPartyNames(db: Kysely<ClefDatabase>, partyIds: readonly string[]) {
  if (partyIds.length === 0) return { parties: [], ipis: [] };
  const parties = await db.selectFrom('parties').select(['party_id', 'name', 'first_name']).where('party_id', 'in', [...partyIds]).execute();
  const ipis = await db.selectFrom('party_ipi_names').selectAll().where('party_id', 'in', [...partyIds]).orderBy('ipi_name_number').execute();
  return { parties, ipis };
}
