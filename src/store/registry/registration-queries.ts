import { sql, type Kysely } from 'kysely';
import { clearLookupKeys, writeLookupKeys } from './lookup-key-rows.js';
import { isStagedImport } from './staged-import.js';
import type { Engine } from '../engine.js';
import type { ClefDatabase, RegistrationCollectionTable, RegistrationLinkTable, RegistrationPartyTable, RegistrationTable } from '../schema.js';

/** A registration's rows as stored: the registration, its parties, their collection claims and PWR links. */
export interface RegistrationRows {
  readonly registration: RegistrationTable;
  readonly parties: readonly RegistrationPartyTable[];
  readonly collections: readonly RegistrationCollectionTable[];
  readonly links: readonly RegistrationLinkTable[];
}

/** Reads the current (unrevised) registrations of works with their parties, claims and links. */
export async function readCurrentRegistrations(db: Kysely<ClefDatabase>, workIds: readonly string[]): Promise<RegistrationRows[]> {
  const result: RegistrationRows[] = [];
  for (let start = 0; start < workIds.length; start += 2000) {
    const slice = workIds.slice(start, start + 2000);
    const registrations = await db
      .selectFrom('registrations')
      .selectAll()
      .where('work_id', 'in', slice)
      .where('status', '=', 'current')
      .orderBy('created_at')
      .orderBy('registration_id')
      .execute();
    if (registrations.length === 0) continue;
    const ids = registrations.map((row) => row.registration_id);
    const [parties, collections, links] = await Promise.all([
      db.selectFrom('registration_parties').selectAll().where('registration_id', 'in', ids).orderBy('party_seq').execute(),
      db.selectFrom('registration_collections').selectAll().where('registration_id', 'in', ids).orderBy('party_seq').orderBy('claim_seq').execute(),
      db.selectFrom('registration_links').selectAll().where('registration_id', 'in', ids).execute(),
    ]);
    // Grouped once by registration (in each list's order): a filter per registration was quadratic in the slice.
    const partiesOf = groupByRegistration(parties);
    const collectionsOf = groupByRegistration(collections);
    const linksOf = groupByRegistration(links);
    for (const registration of registrations) {
      const id = registration.registration_id;
      result.push({ registration, parties: partiesOf.get(id) ?? [], collections: collectionsOf.get(id) ?? [], links: linksOf.get(id) ?? [] });
    }
  }
  return result;
}

/** Rows by their registration, each group in the order given. */
export function groupByRegistration<T extends { registration_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.registration_id);
    if (group) group.push(row);
    else groups.set(row.registration_id, [row]);
  }
  return groups;
}

/** Marks registrations revised by newer ones (nothing is deleted: the history keeps every claim). */
export async function markRevised(db: Kysely<ClefDatabase>, engine: Engine, revisions: readonly { revised: string; by: string }[]): Promise<void> {
  if (revisions.length === 0) return;
  // One UPDATE joined to the pairs in `lookup_keys` (never committed), rather than one per revision or per thousand.
  await writeLookupKeys(db, engine, revisions.map(({ revised, by }) => ({ kind: 'revised' as const, key: revised, detail: by })));
  // Unqualified: a staged import updates its twin, whose name the statement does not know.
  await db
    .updateTable('registrations')
    .from('lookup_keys as k')
    .set({ status: 'revised', revised_by: sql<string>`k.detail` })
    .where(sql<boolean>`registration_id = k.key`)
    .where('k.kind', '=', 'revised')
    .execute();
  await clearLookupKeys(db);
  // A staged import updates only its own rows above; the registry's are revised when the file is accepted.
  if (isStagedImport(db)) await engine.bulkInsert(db, 'staged_revisions', revisions.map(({ revised, by }) => ({ registration_id: revised, revised_by: by })));
}

/** Registrations held for review (revisions changing the writers or their shares), oldest first, with their work. */
export async function readHeldRegistrations(db: Kysely<ClefDatabase>) {
  return db
    .selectFrom('registrations')
    .innerJoin('works', 'works.work_id', 'registrations.work_id')
    .select(['registrations.registration_id', 'registrations.work_id', 'works.title', 'works.iswc', 'registrations.submitter_kind', 'registrations.submitter_id', 'registrations.submitter_work_number', 'registrations.source_ref', 'registrations.created_at'])
    .where('registrations.status', '=', 'held')
    .orderBy('registrations.created_at')
    .orderBy('registrations.registration_id')
    .execute();
}

/** The works the given parties are registered on (current registrations), at most `limit`, by work id. */
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
