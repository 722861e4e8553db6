import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import type { ClefDatabase, LookupKeyTable } from '../schema.js';
import { clearLookupKeys, writeLookupKeys } from './lookup-key-rows.js';
import { groupByRegistration, type RegistrationRows } from './registration-queries.js';

/** The keys one batch of submissions looks up in the registry, each kind without repeats. */
export interface LookupKeys {
  readonly ipis?: readonly string[];
  /** Name keys of parties named without an IPI name number. */
  readonly nameKeys?: readonly string[];
  readonly revisions?: readonly { readonly submitterId: string; readonly submitterWorkNumber: string }[];
  readonly iswcs?: readonly string[];
  readonly identities?: readonly { readonly titleKey: string; readonly creatorKey: string }[];
  readonly isrcs?: readonly string[];
}

/** What the registry holds for a batch's keys. */
export interface FoundKeys {
  /** IPI name number → party id. */
  readonly partyByIpi: Map<string, string>;
  /** Name key → the first party (by id) of that name without an IPI name number. */
  readonly partyByNameKey: Map<string, string>;
  /** `submitter id|submitter work number` → its current registration. */
  readonly registrationByRevision: Map<string, { registration_id: string; work_id: string }>;
  /** ISWC (preferred or archived) → work id. */
  readonly workByIswc: Map<string, string>;
  /** `title key|creator key` → the first work (by id) of that identity. */
  readonly workByIdentity: Map<string, string>;
  /** The recordings holding one of the ISRCs. */
  readonly recordingsByIsrc: ClefDatabase['recordings'][];
}

/**
 * Looks a batch's keys up in the registry, inside the caller's transaction: the keys go into `lookup_keys` in one bulk
 * write (the engine's appender or multi-row INSERT), each kind is resolved by one join against its table (a staged
 * import's view joins the registry and its twins together), and the keys are removed again, so none is ever committed.
 */
export async function findByLookupKeys(db: Kysely<ClefDatabase>, engine: Engine, keys: LookupKeys): Promise<FoundKeys> {
  // Outside a transaction another session could read or remove the keys between the statements.
  if (!db.isTransaction) return db.transaction().execute((tx) => findByLookupKeys(tx, engine, keys));
  const rows: LookupKeyTable[] = [
    ...(keys.ipis ?? []).map((key) => ({ kind: 'ipi' as const, key, detail: '' })),
    ...(keys.nameKeys ?? []).map((key) => ({ kind: 'name' as const, key, detail: '' })),
    ...(keys.revisions ?? []).map((key) => ({ kind: 'revision' as const, key: key.submitterId, detail: key.submitterWorkNumber })),
    ...(keys.iswcs ?? []).map((key) => ({ kind: 'iswc' as const, key, detail: '' })),
    ...(keys.identities ?? []).map((key) => ({ kind: 'identity' as const, key: key.titleKey, detail: key.creatorKey })),
    ...(keys.isrcs ?? []).map((key) => ({ kind: 'isrc' as const, key, detail: '' })),
  ];
  const found: FoundKeys = { partyByIpi: new Map(), partyByNameKey: new Map(), registrationByRevision: new Map(), workByIswc: new Map(), workByIdentity: new Map(), recordingsByIsrc: [] };
  if (rows.length === 0) return found;
  await writeLookupKeys(db, engine, rows);
  const keysOf = (kind: LookupKeyTable['kind']) => db.selectFrom('lookup_keys as k').where('k.kind', '=', kind);
  if (keys.ipis?.length) {
    const matched = await keysOf('ipi').innerJoin('party_ipi_names', 'party_ipi_names.ipi_name_number', 'k.key').select(['party_ipi_names.ipi_name_number', 'party_ipi_names.party_id']).execute();
    for (const row of matched) found.partyByIpi.set(row.ipi_name_number, row.party_id);
  }
  if (keys.nameKeys?.length) {
    const matched = await keysOf('name')
      .innerJoin('parties', 'parties.name_key', 'k.key')
      .leftJoin('party_ipi_names', 'party_ipi_names.party_id', 'parties.party_id')
      .where('party_ipi_names.ipi_name_number', 'is', null)
      .groupBy('parties.name_key')
      .select((eb) => ['parties.name_key', eb.fn.min('parties.party_id').as('party_id')])
      .execute();
    for (const row of matched) found.partyByNameKey.set(row.name_key, row.party_id);
  }
  if (keys.revisions?.length) {
    const matched = await keysOf('revision')
      .innerJoin('registrations', (join) => join.onRef('registrations.submitter_id', '=', 'k.key').onRef('registrations.submitter_work_number', '=', 'k.detail'))
      .where('registrations.status', '=', 'current')
      .select(['registrations.registration_id', 'registrations.work_id', 'registrations.submitter_id', 'registrations.submitter_work_number'])
      .execute();
    for (const row of matched) found.registrationByRevision.set(`${row.submitter_id}|${row.submitter_work_number}`, { registration_id: row.registration_id, work_id: row.work_id });
  }
  if (keys.iswcs?.length) {
    const matched = await keysOf('iswc').innerJoin('work_iswcs', 'work_iswcs.iswc', 'k.key').select(['work_iswcs.iswc', 'work_iswcs.work_id']).execute();
    for (const row of matched) found.workByIswc.set(row.iswc, row.work_id);
  }
  if (keys.identities?.length) {
    const matched = await keysOf('identity')
      .innerJoin('works', (join) => join.onRef('works.title_key', '=', 'k.key').onRef('works.creator_key', '=', 'k.detail'))
      .groupBy(['works.title_key', 'works.creator_key'])
      .select((eb) => ['works.title_key', 'works.creator_key', eb.fn.min('works.work_id').as('work_id')])
      .execute();
    for (const row of matched) found.workByIdentity.set(`${row.title_key}|${row.creator_key}`, row.work_id);
  }
  if (keys.isrcs?.length) found.recordingsByIsrc.push(...(await keysOf('isrc').innerJoin('recordings', 'recordings.isrc', 'k.key').selectAll('recordings').execute()));
  await clearLookupKeys(db);
  return found;
}

/**
 * The current registrations of works with their parties, claims and links, as `readCurrentRegistrations` reads them, for
 * a batch's many works: the work ids go into `lookup_keys` in one bulk write and each table is read by one join.
 */
export async function readCurrentRegistrationsOfWorks(db: Kysely<ClefDatabase>, engine: Engine, workIds: readonly string[]): Promise<RegistrationRows[]> {
  if (!db.isTransaction) return db.transaction().execute((tx) => readCurrentRegistrationsOfWorks(tx, engine, workIds));
  const unique = [...new Set(workIds)];
  if (unique.length === 0) return [];
  await writeLookupKeys(db, engine, unique.map((key) => ({ kind: 'work' as const, key, detail: '' })));
  const current = () => db.selectFrom('lookup_keys as k').innerJoin('registrations', 'registrations.work_id', 'k.key').where('k.kind', '=', 'work').where('registrations.status', '=', 'current');
  const registrations = await current().selectAll('registrations').execute();
  const parties = await current().innerJoin('registration_parties', 'registration_parties.registration_id', 'registrations.registration_id').selectAll('registration_parties').orderBy('registration_parties.party_seq').execute();
  const collections = await current()
    .innerJoin('registration_collections', 'registration_collections.registration_id', 'registrations.registration_id')
    .selectAll('registration_collections')
    .orderBy('registration_collections.party_seq')
    .orderBy('registration_collections.claim_seq')
    .execute();
  const links = await current().innerJoin('registration_links', 'registration_links.registration_id', 'registrations.registration_id').selectAll('registration_links').execute();
  await clearLookupKeys(db);
  // The order works read 2,000 at a time gave (by creation within each 2,000 as given), so a large batch's history
  // and share rows come in the order they always did.
  const position = new Map(unique.map((workId, i) => [workId, Math.floor(i / 2000)]));
  const order = (a: (typeof registrations)[number], b: (typeof registrations)[number]) =>
    position.get(a.work_id)! - position.get(b.work_id)! || compare(a.created_at, b.created_at) || compare(a.registration_id, b.registration_id);
  const [partiesOf, collectionsOf, linksOf] = [groupByRegistration(parties), groupByRegistration(collections), groupByRegistration(links)];
  return registrations.sort(order).map((registration) => {
    const id = registration.registration_id;
    return { registration, parties: partiesOf.get(id) ?? [], collections: collectionsOf.get(id) ?? [], links: linksOf.get(id) ?? [] };
  });
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
