import type { Kysely } from 'kysely';
import { nextIds, type ClefDatabase, type Engine } from '../../store/index.js';
import { findByLookupKeys, type FoundKeys } from '../../store/registry/lookup-key-queries.js';
import { nameKey } from '../match-key.js';

/** A party as a submission names it: by IPI name number where it has one, else by name. */
export interface PartyReference {
  readonly ipiNameNumber?: string;
  readonly name: string;
  readonly firstName?: string;
  readonly kind: 'person' | 'company';
}

/** The key a party reference is resolved by: its IPI name number, else its normalized name. */
export function partyReferenceKey(reference: PartyReference): string {
  return reference.ipiNameNumber ? `ipi:${reference.ipiNameNumber}` : `name:${nameKey(fullName(reference))}`;
}

function fullName(reference: PartyReference): string {
  return reference.firstName ? `${reference.firstName} ${reference.name}` : reference.name;
}

/** The references not in `known`, one per key. */
function unknownReferences(references: readonly PartyReference[], known: ReadonlyMap<string, string>): Map<string, PartyReference> {
  const unique = new Map<string, PartyReference>();
  for (const reference of references) {
    const key = partyReferenceKey(reference);
    if (!known.has(key)) unique.set(key, reference);
  }
  return unique;
}

/** What the store must be asked for the references not in `known`: their IPI name numbers, and the name keys of the rest. */
export function partyLookupKeys(references: readonly PartyReference[], known: ReadonlyMap<string, string>): { ipis: string[]; nameKeys: string[] } {
  const unique = [...unknownReferences(references, known).values()];
  return {
    ipis: unique.flatMap((reference) => (reference.ipiNameNumber ? [reference.ipiNameNumber] : [])),
    nameKeys: [...new Set(unique.flatMap((reference) => (reference.ipiNameNumber ? [] : [nameKey(fullName(reference))])))],
  };
}

/**
 * Finds the parties that references name and creates the ones not yet documented, in one batch:
 * returns reference key → party id. Parties are matched by IPI name number, or by name where no IPI is given.
 * `found` is what a caller already looked up for `partyLookupKeys(references, known)`; else they are looked up here.
 */
export async function resolveParties(
  db: Kysely<ClefDatabase>,
  engine: Engine,
  references: readonly PartyReference[],
  now: string,
  known: Map<string, string> = new Map(),
  found?: Pick<FoundKeys, 'partyByIpi' | 'partyByNameKey'>,
): Promise<{ partyIds: Map<string, string>; created: string[] }> {
  const unique = unknownReferences(references, known);
  const partyIds = new Map<string, string>();
  for (const reference of references) {
    const key = partyReferenceKey(reference);
    const id = known.get(key);
    if (id) partyIds.set(key, id);
  }
  const { partyByIpi: byIpi, partyByNameKey: byName } = found ?? (await findByLookupKeys(db, engine, partyLookupKeys(references, known)));

  const missing: [string, PartyReference][] = [];
  for (const [key, reference] of unique) {
    const found = reference.ipiNameNumber ? byIpi.get(reference.ipiNameNumber) : byName.get(nameKey(fullName(reference)));
    if (found) {
      partyIds.set(key, found);
      known.set(key, found);
    } else missing.push([key, reference]);
  }
  const ids = await nextIds(db, 'party', 'P', missing.length);
  const parties = missing.map(([key, reference], i) => {
    partyIds.set(key, ids[i]);
    known.set(key, ids[i]);
    return {
      party_id: ids[i],
      kind: reference.kind,
      name: reference.name,
      first_name: reference.firstName ?? null,
      name_key: nameKey(fullName(reference)),
      ipi_base_number: null,
      isni: null,
      created_at: now,
    };
  });
  await engine.bulkInsert(db, 'parties', parties);
  await engine.bulkInsert(
    db,
    'party_ipi_names',
    missing.flatMap(([, reference], i) => (reference.ipiNameNumber ? [{ ipi_name_number: reference.ipiNameNumber, party_id: ids[i] }] : [])),
  );
  return { partyIds, created: ids };
}
