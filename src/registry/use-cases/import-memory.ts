import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../../store/index.js';
import { findNonEmptyIdentityTables } from '../../store/registry/work-queries.js';
import { createKeyFilter, type KeyFilter } from '../key-filter.js';

/**
 * The keys an import looks up before it writes: what a submission revises or joins (revision, ISWC, identity), the
 * recordings it links (ISRC) and the search vocabulary it extends (term).
 */
export type IdentityKind = 'revision' | 'iswc' | 'identity' | 'isrc' | 'term';

/**
 * What one import remembers across its batches so `registerWorks` looks up in the store only the keys that may be
 * there: a kind whose table was empty when the import began can only hold keys this import wrote.
 */
export interface ImportMemory {
  /** False proves no stored row has this key; true means the store must be asked. */
  mayExist(kind: IdentityKind, key: string): boolean;
  /** Records a key this import wrote. */
  remember(kind: IdentityKind, key: string): void;
}

/** Starts the memory of one import, inside its transaction, from which identity tables already hold rows. */
export async function createImportMemory(db: Kysely<ClefDatabase>): Promise<ImportMemory> {
  const stored = await findNonEmptyIdentityTables(db);
  const filters: Record<IdentityKind, KeyFilter | undefined> = {
    revision: stored.registrations ? undefined : createKeyFilter(),
    iswc: stored.workIswcs ? undefined : createKeyFilter(),
    identity: stored.works ? undefined : createKeyFilter(),
    isrc: stored.recordings ? undefined : createKeyFilter(),
    term: stored.searchTerms ? undefined : createKeyFilter(),
  };
  return {
    mayExist: (kind, key) => filters[kind]?.mayHave(key) ?? true,
    remember: (kind, key) => filters[kind]?.add(key),
  };
}
