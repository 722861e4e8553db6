import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import type { ClefDatabase, LookupKeyTable } from '../schema.js';

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
  await engine.bulkInsert(db, 'lookup_keys', rows);
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
  await db.deleteFrom('lookup_keys').execute();
  return found;
}
